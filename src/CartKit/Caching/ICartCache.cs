using CartKit.Domain;

namespace CartKit.Caching;

// The seam between the source-of-truth repositories and a distributed cache (Redis, in its own folder).
// SetCartAsync never replaces a newer version: that guard is what closes the "slow reader writes an old cart back
// after a writer updated it" race. Only final orders (paid or superseded) are cached, since they never change again.
internal interface ICartCache
{
    ValueTask<Cart?> GetCartAsync(string cartId, CancellationToken cancellationToken);

    ValueTask SetCartAsync(Cart cart, CancellationToken cancellationToken);

    ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken);

    ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken);

    ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken);
}
