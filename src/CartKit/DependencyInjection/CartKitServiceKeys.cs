namespace CartKit.DependencyInjection;

// The concrete source-of-truth stores are registered under this key; the unkeyed ICartRepository and
// IOrderRepository resolve to them, wrapped in the cache-aside decorators when a cache is configured.
// A private object key means no host registration can collide with it.
internal static class CartKitServiceKeys
{
    public static readonly object SourceOfTruth = new();
}
