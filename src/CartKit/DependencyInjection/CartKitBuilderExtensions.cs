using CartKit.Catalog;
using CartKit.DependencyInjection;
using CartKit.Pricing;
using CartKit.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Catalog, pricing and in-memory storage choices for <see cref="ICartKitBuilder"/>.</summary>
public static class CartKitBuilderExtensions
{
    /// <summary>
    /// Keeps carts, orders and idempotency keys in process memory (the default): for development, tests and samples.
    /// Nothing survives a restart and nothing is shared between processes.
    /// </summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseInMemoryStorage(this ICartKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StorageRegistration.UseStores<InMemoryCartRepository, InMemoryOrderRepository, InMemoryIdempotencyKeyStore>(builder.Services, replace: true);
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
