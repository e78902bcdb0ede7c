using CartKit.Caching;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Carts;

// How the engines read a cart. A read that only answers the caller may come from the cache (cache-aside through the
// decorated repository). A read that a compare-and-swap will follow goes straight to the source of truth: the write
// needs the current version anyway, so a cached copy could only add a round trip and, if stale, a lost race.
// AddCartKit passes the decorated repository, the keyed source of truth and the cache when one is configured.
internal sealed class CartReader(ICartRepository carts, ICartRepository sourceOfTruth, ICartCache? cache = null, CartKitMetrics? metrics = null)
{
    // Whether reading ahead can pay: only a distributed cache answers a read worth pipelining with the session lookup.
    public bool CanReadAhead => cache is not null;

    public ValueTask<Cart?> ReadAsync(string cartId, CancellationToken cancellationToken) =>
        carts.GetAsync(cartId, cancellationToken);

    public ValueTask<Cart?> ReadForUpdateAsync(string cartId, CancellationToken cancellationToken) =>
        sourceOfTruth.GetAsync(cartId, cancellationToken);

    // The cart on a clean cache hit, else null; sent before the caller knows the cart is the one it needs.
    public ValueTask<Cart?> ReadAheadAsync(string cartId, CancellationToken cancellationToken) =>
        cache is null ? ValueTask.FromResult<Cart?>(null) : cache.ReadAheadCartAsync(cartId, cancellationToken);

    // A read-ahead cart the caller used is the cache hit it would otherwise have counted on its own read.
    public Cart UsedReadAhead(Cart cart)
    {
        metrics?.CacheHit(CacheEntity.Cart);
        return cart;
    }
}
