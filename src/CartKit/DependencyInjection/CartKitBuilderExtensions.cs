using CartKit.Caching;
using CartKit.Catalog;
using CartKit.Checkout;
using CartKit.DependencyInjection;
using CartKit.Pricing;
using CartKit.Sessions;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Storage, cache, catalog and pricing choices for <see cref="ICartKitBuilder"/>. Provider packages (CartKit.MongoDB,
/// CartKit.Redis) are built on the same public methods a host can call with its own implementations.
/// </summary>
public static class CartKitBuilderExtensions
{
    /// <summary>
    /// Keeps carts, orders and idempotency keys in process memory (the default): for development, tests and samples.
    /// Nothing survives a restart and nothing is shared between processes.
    /// </summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseInMemoryStorage(this ICartKitBuilder builder) =>
        builder.UseStorage<InMemoryCartRepository, InMemoryOrderRepository, InMemoryIdempotencyKeyStore>();

    /// <summary>
    /// Uses your own source of truth for carts, orders and checkout idempotency keys, replacing the current one as a
    /// unit. The stores are resolved as singletons, the cart and order stores under
    /// <see cref="CartKitServiceKeys.SourceOfTruth"/>; CartKit wraps them in its tracing and cache-aside layers.
    /// They must keep the rules their interfaces document; the contract suites of the CartKit.Testing package check them.
    /// </summary>
    /// <typeparam name="TCarts">The cart store.</typeparam>
    /// <typeparam name="TOrders">The order store.</typeparam>
    /// <typeparam name="TKeys">The idempotency key store.</typeparam>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseStorage<TCarts, TOrders, TKeys>(this ICartKitBuilder builder)
        where TCarts : class, ICartRepository
        where TOrders : class, IOrderRepository
        where TKeys : class, IIdempotencyKeyStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        StorageRegistration.UseStores<TCarts, TOrders, TKeys>(builder.Services, replace: true);
        return builder;
    }

    /// <summary>
    /// Puts a distributed cache in front of the source of truth (cache-aside for carts and final orders), replacing
    /// any cache configured before. See <see cref="ICartCache"/> for the rules it must keep.
    /// </summary>
    /// <typeparam name="TCache">The cache, resolved as a singleton.</typeparam>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseCartCache<TCache>(this ICartKitBuilder builder)
        where TCache : class, ICartCache
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ICartCache>();
        builder.Services.AddSingleton<ICartCache, TCache>();
        return builder;
    }

    /// <summary>Uses another lock to keep concurrent checkouts of one cart from duplicating work (see <see cref="ICheckoutLock"/>).</summary>
    /// <typeparam name="TLock">The lock, resolved as a singleton.</typeparam>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseCheckoutLock<TLock>(this ICartKitBuilder builder)
        where TLock : class, ICheckoutLock
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ICheckoutLock>();
        builder.Services.AddSingleton<ICheckoutLock, TLock>();
        return builder;
    }

    /// <summary>
    /// Keeps cart sessions in another <see cref="ISessionStore{T}"/> than the default in-memory one. Only the cart
    /// session type moves; other session types keep the store <c>AddSessionStore&lt;T&gt;()</c> gave them.
    /// </summary>
    /// <typeparam name="TStore">The store for <see cref="CartSession"/>, resolved as a singleton.</typeparam>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseCartSessionStore<TStore>(this ICartKitBuilder builder)
        where TStore : class, ISessionStore<CartSession>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<ISessionStore<CartSession>>();
        builder.Services.AddSingleton<ISessionStore<CartSession>, TStore>();
        return builder;
    }

    /// <summary>Uses a fixed list of products as the catalog.</summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <param name="products">The products; skus must be unique and prices zero or more.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseInMemoryCatalog(this ICartKitBuilder builder, IEnumerable<CatalogProduct> products)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var catalog = new InMemoryProductCatalog(products);
        builder.Services.RemoveAll<IProductCatalog>();
        builder.Services.AddSingleton<IProductCatalog>(catalog);
        return builder;
    }

    /// <summary>Uses the host's own catalog, resolved from the container as a singleton.</summary>
    /// <typeparam name="TCatalog">The catalog type.</typeparam>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder AddProductCatalog<TCatalog>(this ICartKitBuilder builder)
        where TCatalog : class, IProductCatalog
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IProductCatalog>();
        builder.Services.AddSingleton<IProductCatalog, TCatalog>();
        return builder;
    }

    /// <summary>
    /// Adds a pricing step. Steps run in the order they were added, each seeing the running total of the ones before.
    /// Adding the same type twice has no effect.
    /// </summary>
    /// <typeparam name="TAdjustment">The adjustment type, resolved as a singleton.</typeparam>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder AddCartAdjustment<TAdjustment>(this ICartKitBuilder builder)
        where TAdjustment : class, ICartAdjustment
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICartAdjustment, TAdjustment>());
        return builder;
    }
}
