using CartKit.Domain;

namespace CartKit.Caching;

// The seam between the source-of-truth repositories and a distributed cache (Redis, in its own folder).
// Two rules keep the cache from ever answering older than an acknowledged write:
// - a refresh after a write never replaces a newer version (two writers racing to refresh);
// - a repopulate after a miss presents the ticket that miss handed out, and a cache accepts it only if nothing
//   touched the entry since. A reader that read the source of truth before a write therefore cannot put that older
//   cart back, even when the newer entry was evicted, flushed or deleted in the meantime.
// Only final orders (paid or superseded) are cached, since they never change again.
internal interface ICartCache
{
    ValueTask<CartCacheRead> GetCartAsync(string cartId, CancellationToken cancellationToken);

    // Sends a read of a cart before the caller knows it needs it (ahead of the session lookup that names it), or returns
    // null when it cannot send one at once. See CartReadAhead.
    CartReadAhead? StartReadAhead(string cartId) => null;

    // Repopulates after a miss, with the ticket that miss returned. Best effort: a cache that cannot store the entry
    // (or whose ticket was revoked) just leaves the miss.
    ValueTask SetCartAsync(Cart cart, string? ticket, CancellationToken cancellationToken);

    // Refreshes after an acknowledged write to the source of truth. Unlike a repopulate, a refresh that fails can
    // leave an older version cached than the one just acknowledged, so a cache must remember it and keep that cart
    // out of its answers until the stale entry is gone.
    ValueTask CartWrittenAsync(Cart cart, CancellationToken cancellationToken) => SetCartAsync(cart, null, cancellationToken);

    ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken);

    ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken);

    ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken);
}

// What a cart lookup found: the cart, or a miss with (when the cache grants one) the ticket to repopulate it.
internal readonly record struct CartCacheRead(Cart? Cart, string? RepopulateTicket = null)
{
    public static CartCacheRead Miss => default;
}
