using System.Diagnostics.Metrics;
using CartKit;
using CartKit.Caching;
using CartKit.Carts;
using CartKit.Checkout;
using CartKit.DependencyInjection;
using CartKit.Diagnostics;
using CartKit.Events;
using CartKit.Inventory;
using CartKit.Pricing;
using CartKit.Sessions;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CartKit and typed session stores.</summary>
public static class CartKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers the cart and checkout engines on in-memory stores (until a storage choice on the returned builder
    /// replaces them). Safe to call more than once; options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="CartKitOptions"/>.</param>
    /// <returns>A builder for storage, cache, catalog and pricing choices.</returns>
    public static ICartKitBuilder AddCartKit(this IServiceCollection services, Action<CartKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<CartKitOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CartKitOptions>, CartKitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new CartKitMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(static sp => new ReuseTables(
            sp.GetRequiredService<IOptions<CartKitOptions>>().Value.Reuse,
            new ReuseMetrics(sp.GetService<IMeterFactory>())));

        services.TryAddSingleton<CartSessionStoreSetup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<SessionStoreOptions<CartSession>>, CartSessionStoreSetup>(
            static sp => sp.GetRequiredService<CartSessionStoreSetup>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionStoreOptions<CartSession>>, CartSessionStoreValidator>());
        services.AddSessionStore<CartSession>();

        StorageRegistration.UseStores<InMemoryCartRepository, InMemoryOrderRepository, InMemoryIdempotencyKeyStore>(services, replace: false);

        // Layers, innermost first: the source of truth, spans around its calls, then the cache (when configured).
        services.TryAddSingleton(static sp => new TracedCartRepository(sp.GetRequiredKeyedService<ICartRepository>(CartKitServiceKeys.SourceOfTruth)));
        services.TryAddSingleton(static sp => new TracedOrderRepository(sp.GetRequiredKeyedService<IOrderRepository>(CartKitServiceKeys.SourceOfTruth)));
        services.TryAddSingleton<ICartRepository>(sp => Cached<ICartRepository>(
            sp.GetRequiredService<TracedCartRepository>(),
            sp.GetService<ICartCache>(),
            static (inner, cache) => new CachedCartRepository(inner, cache)));
        services.TryAddSingleton<IOrderRepository>(sp => Cached<IOrderRepository>(
            sp.GetRequiredService<TracedOrderRepository>(),
            sp.GetService<ICartCache>(),
            static (inner, cache) => new CachedOrderRepository(inner, cache)));

        services.TryAddSingleton<CartPricer>();
        services.TryAddSingleton(static sp => new CartReader(
            sp.GetRequiredService<ICartRepository>(),
            sp.GetRequiredService<TracedCartRepository>(),
            sp.GetService<ICartCache>()));

        // The in-memory session store answers as fast as a local copy would, and exactly: only a remote one is rechecked
        // locally.
        services.TryAddSingleton(static sp => new RecentSessions(
            sp.GetRequiredService<ReuseTables>(),
            sp.GetRequiredService<IOptions<CartKitOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sendsReadAhead: sp.GetRequiredService<CartReader>().SendsReadAhead,
            storeIsRemote: sp.GetRequiredService<ISessionStore<CartSession>>() is not InMemorySessionStore<CartSession>));
        services.TryAddSingleton<CartWriter>();
        services.TryAddSingleton<CartResolver>();
        services.TryAddSingleton<CartCompletion>();
        services.TryAddSingleton(static sp => new StockReservations(
            sp.GetRequiredService<IOrderRepository>(),
            sp.GetRequiredService<ILogger<StockReservations>>(),
            sp.GetService<IInventory>()));
        services.TryAddSingleton<ICheckoutLock, InProcessCheckoutLock>();
        services.TryAddSingleton<CartEngine>();
        services.TryAddSingleton<CheckoutEngine>();
        services.TryAddSingleton(static sp => new EventMetrics(sp.GetRequiredService<TimeProvider>(), sp.GetService<IMeterFactory>()));
        // The relay reads the source of truth itself (not the cache-aside layer): its claims must see every instance's writes.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OrderEventRelay>(static sp => new OrderEventRelay(
            sp.GetRequiredKeyedService<IOrderRepository>(CartKitServiceKeys.SourceOfTruth) is IOrderEventOutbox outbox
                ? ActivatorUtilities.CreateInstance<OrderEventDelivery>(sp, outbox)
                : null,
            sp.GetRequiredService<IOptions<CartKitOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OrderEventRelay>>())));
        services.TryAddSingleton<ICartEngine, InstrumentedCartEngine>();
        services.TryAddSingleton<ICheckoutEngine, InstrumentedCheckoutEngine>();

        return new CartKitBuilder(services);
    }

    /// <summary>
    /// Registers <see cref="ISessionStore{T}"/> for session type <typeparamref name="T"/>, with its own prefix, TTL and
    /// sliding expiry. Stores are in memory unless a backend (such as <c>UseRedis()</c>) is configured.
    /// </summary>
    /// <typeparam name="T">The session value type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options for this session type; <see cref="SessionStoreOptions{T}.Prefix"/> is required.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddSessionStore<T>(this IServiceCollection services, Action<SessionStoreOptions<T>>? configure = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<SessionStoreOptions<T>>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionStoreOptions<T>>, SessionStoreOptionsValidator<T>>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(typeof(ISessionStore<>), typeof(InMemorySessionStore<>));
        return services;
    }

    private static T Cached<T>(T inner, ICartCache? cache, Func<T, ICartCache, T> decorate) =>
        cache is null ? inner : decorate(inner, cache);
}
