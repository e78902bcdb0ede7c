using CartKit.Checkout;
using CartKit.Inventory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Stock reservation for <see cref="ICartKitBuilder"/>: with an <see cref="IInventory"/> registered, checkout reserves
/// the units of each order and an expiry sweep (a hosted service, every
/// <see cref="CartKit.CartKitOptions.OrderExpiryScanInterval"/>) releases those of orders that expired. Without one,
/// nothing is reserved and no sweep runs.
/// </summary>
public static class CartKitInventoryBuilderExtensions
{
    /// <summary>
    /// Keeps stock and reservations in process memory: for development, tests and samples (one process only).
    /// </summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <param name="stock">The available units per sku; skus not listed are not tracked (always reservable).</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseInMemoryInventory(this ICartKitBuilder builder, IEnumerable<KeyValuePair<string, long>> stock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseInventory(new InMemoryInventory(stock));
    }

    /// <summary>Uses the given inventory instance (for example one shared by several CartKit containers in a test).</summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <param name="inventory">The inventory; it must keep the rules <see cref="IInventory"/> documents.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseInventory(this ICartKitBuilder builder, IInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(inventory);
        builder.Services.RemoveAll<IInventory>();
        builder.Services.AddSingleton(inventory);
        AddSweep(builder.Services);
        return builder;
    }

    /// <summary>Uses the host's own inventory, resolved from the container as a singleton, replacing any registered before.</summary>
    /// <typeparam name="TInventory">The inventory; it must keep the rules <see cref="IInventory"/> documents.</typeparam>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder AddInventory<TInventory>(this ICartKitBuilder builder)
        where TInventory : class, IInventory
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IInventory>();
        builder.Services.AddSingleton<IInventory, TInventory>();
        AddSweep(builder.Services);
        return builder;
    }

    private static void AddSweep(IServiceCollection services)
    {
        services.TryAddSingleton<OrderExpirySweep>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OrderExpiryWorker>());
    }
}
