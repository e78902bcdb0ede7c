using System.Diagnostics.Metrics;
using CartKit.Diagnostics;
using CartKit.Redis;
using CartKit.Redis.Caching;
using CartKit.Redis.Checkout;
using CartKit.Redis.Connection;
using CartKit.Redis.DependencyInjection;
using CartKit.Redis.Diagnostics;
using CartKit.Redis.Sessions;
using CartKit.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Redis for <see cref="ICartKitBuilder"/>: cart sessions, the cart cache and the checkout lock.</summary>
public static class RedisCartKitBuilderExtensions
{
    /// <summary>
    /// Keeps cart sessions in Redis, caches carts and final orders there in front of the source of truth, and locks
    /// checkouts across processes. Redis is treated as ephemeral: when it is down or slow, requests are answered from
    /// the source of truth and the cache refills when it returns. Other session types the host registered with
    /// <c>AddSessionStore&lt;T&gt;()</c> stay where they are; <see cref="UseRedisSessionStores"/> moves them too.
    /// </summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <param name="configure">Sets <see cref="RedisCartKitOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// The connection is, in order: <see cref="RedisCartKitOptions.ConnectionMultiplexerFactory"/>, the keyed
    /// <c>IConnectionMultiplexer</c> named by <see cref="RedisCartKitOptions.ServiceKey"/>, an
    /// <c>IConnectionMultiplexer</c> registered by the host, <see cref="RedisCartKitOptions.Configuration"/>, or the
    /// <c>Redis</c> connection string. Options are validated when the host starts. Safe to call more than once.
    /// </remarks>
    public static ICartKitBuilder UseRedis(this ICartKitBuilder builder, Action<RedisCartKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddRedisConnection(services, configure);

        services.TryAddSingleton(static sp => new RedisCacheMetrics(sp.GetService<IMeterFactory>()));
        builder.UseCartSessionStore<RedisSessionStore<CartSession>>();
        builder.UseCartCache<RedisCartCache>();
        builder.UseCheckoutLock<RedisCheckoutLock>();
        return builder;
    }

    /// <summary>
    /// Keeps every session type in Redis: each <see cref="ISessionStore{T}"/> the host registered with
    /// <c>AddSessionStore&lt;T&gt;()</c>, each under its own prefix and TTL, on the connection <see cref="UseRedis"/>
    /// configures. Without this call only cart sessions move to Redis.
    /// </summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <param name="configure">Sets <see cref="RedisCartKitOptions"/>, as <see cref="UseRedis"/> does.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseRedisSessionStores(this ICartKitBuilder builder, Action<RedisCartKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddRedisConnection(builder.Services, configure);
        builder.Services.RemoveAll(typeof(ISessionStore<>));
        builder.Services.AddSingleton(typeof(ISessionStore<>), typeof(RedisSessionStore<>));
        return builder;
    }

    private static void AddRedisConnection(IServiceCollection services, Action<RedisCartKitOptions>? configure)
    {
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICartKitHealthProbe, RedisHealthProbe>());
    }
}
