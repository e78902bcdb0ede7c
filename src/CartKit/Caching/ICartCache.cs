using CartKit.Domain;

namespace CartKit.Caching;

// The seam between the source-of-truth repositories and a distributed cache (Redis, in its own folder).
// SetCartAsync never replaces a newer version: that guard is what closes the "slow reader writes an old cart back
// after a writer updated it" race. Only final orders (paid or superseded) are cached, since they never change again.
internal interface ICartCache
{
    ValueTask<Cart?> GetCartAsync(string cartId, CancellationToken cancellationToken);

    // Repopulates after a miss. Best effort: a cache that cannot store the entry just leaves the miss.
    ValueTask SetCartAsync(Cart cart, CancellationToken cancellationToken);

    // Refreshes after an acknowledged write to the source of truth. Unlike a repopulate, a refresh that fails can
    // leave an older version cached than the one just acknowledged, so a cache must remember it and keep that cart
    // out of its answers until the stale entry is gone.
    ValueTask CartWrittenAsync(Cart cart, CancellationToken cancellationToken) => SetCartAsync(cart, cancellationToken);

    ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken);

    ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken);

    ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken);
}
