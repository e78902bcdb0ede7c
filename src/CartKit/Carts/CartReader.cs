using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Carts;

// How the engines read a cart. A read that only answers the caller may come from the cache (cache-aside through the
// decorated repository). A read that a compare-and-swap will follow goes straight to the source of truth: the write
// needs the current version anyway, so a cached copy could only add a round trip and, if stale, a lost race.
// AddCartKit passes the decorated repository and the keyed source of truth.
internal sealed class CartReader(ICartRepository carts, ICartRepository sourceOfTruth)
{
    public ValueTask<Cart?> ReadAsync(string cartId, CancellationToken cancellationToken) =>
        carts.GetAsync(cartId, cancellationToken);

    public ValueTask<Cart?> ReadForUpdateAsync(string cartId, CancellationToken cancellationToken) =>
        sourceOfTruth.GetAsync(cartId, cancellationToken);
}
