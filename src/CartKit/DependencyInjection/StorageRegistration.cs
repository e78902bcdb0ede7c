using CartKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartKit.DependencyInjection;

// Swaps the source-of-truth stores as one unit, so carts, orders and idempotency keys never live in different places.
internal static class StorageRegistration
{
    public static void UseStores<TCarts, TOrders, TKeys>(IServiceCollection services, bool replace)
        where TCarts : class, ICartRepository
        where TOrders : class, IOrderRepository
        where TKeys : class, IIdempotencyKeyStore
    {
        if (replace)
        {
            services.RemoveAllKeyed<ICartRepository>(CartKitServiceKeys.SourceOfTruth);
            services.RemoveAllKeyed<IOrderRepository>(CartKitServiceKeys.SourceOfTruth);
            services.RemoveAll<IIdempotencyKeyStore>();
        }

        services.TryAddKeyedSingleton<ICartRepository, TCarts>(CartKitServiceKeys.SourceOfTruth);
        services.TryAddKeyedSingleton<IOrderRepository, TOrders>(CartKitServiceKeys.SourceOfTruth);
        services.TryAddSingleton<IIdempotencyKeyStore, TKeys>();
    }
}
