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

    // Sends a read of the cart before the caller knows it is the one it needs; null when the cache cannot send one now.
    public CartReadAhead? StartReadAhead(string cartId) => cache?.StartReadAhead(cartId);

    // A read-ahead cart the caller used is the cache hit it would otherwise have counted on its own read.
    public Cart UsedReadAhead(Cart cart)
    {
        metrics?.CacheHit(CacheEntity.Cart);
        return cart;
    }
}
