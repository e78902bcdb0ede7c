using CartKit.Caching;
using CartKit.Checkout;
using CartKit.Diagnostics;
using CartKit.Redis;
using CartKit.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Redis for <see cref="ICartKitBuilder"/>: sessions, the cart cache and the checkout lock.</summary>
public static class RedisCartKitBuilderExtensions
{
    /// <summary>
    /// Keeps every session type (<see cref="ISessionStore{T}"/>, including the cart session) in Redis, caches carts
    /// and final orders there in front of the source of truth, and locks checkouts across processes. Redis is treated
    /// as ephemeral: when it is down or slow, requests are answered from the source of truth and the cache refills
    /// when it returns.
    /// </summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <param name="configure">Sets <see cref="RedisCartKitOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// The connection is, in order: <see cref="RedisCartKitOptions.ConnectionMultiplexerFactory"/>, an
    /// <c>IConnectionMultiplexer</c> registered by the host, <see cref="RedisCartKitOptions.Configuration"/>, or the
    /// <c>Redis</c> connection string. Options are validated when the host starts. Safe to call more than once.
    /// </remarks>
    public static ICartKitBuilder UseRedis(this ICartKitBuilder builder, Action<RedisCartKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        var options = services.AddOptions<RedisCartKitOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisCartKitOptions>, RedisCartKitOptionsValidator>());

        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<RedisKeys>();

        // Back-off windows are about a remote server recovering, so they run on the real clock (see RedisOutage).
        services.TryAddSingleton(static sp => new RedisOutage(
            TimeProvider.System,
            sp.GetRequiredService<IOptions<RedisCartKitOptions>>().Value.FailureBackoff,
            sp.GetRequiredService<ILogger<RedisOutage>>()));

        services.RemoveAll(typeof(ISessionStore<>));
        services.AddSingleton(typeof(ISessionStore<>), typeof(RedisSessionStore<>));

        services.RemoveAll<ICartCache>();
        services.AddSingleton<ICartCache>(static sp => new RedisCartCache(
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<RedisOutage>(),
            sp.GetRequiredService<RedisKeys>(),
            sp.GetRequiredService<CartKitMetrics>(),
            sp.GetRequiredService<IOptions<RedisCartKitOptions>>(),
            sp.GetRequiredService<ILogger<RedisCartCache>>(),
            TimeProvider.System));

        services.RemoveAll<ICheckoutLock>();
        services.AddSingleton<ICheckoutLock, RedisCheckoutLock>();
        return builder;
    }
}
