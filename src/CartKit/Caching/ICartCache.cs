using CartKit.Domain;

namespace CartKit.Caching;

/// <summary>
/// A distributed cache in front of the cart and order source of truth (CartKit.Redis implements it). CartKit reads
/// through it (cache-aside) and refreshes it after every acknowledged write; it is never the only copy of anything.
/// </summary>
/// <remarks>
/// <para>
/// Two rules keep a cache from ever answering with a cart older than one the source of truth acknowledged:
/// </para>
/// <list type="bullet">
/// <item><description>
/// <see cref="CartWrittenAsync"/> never replaces a cached cart with an older or equal <see cref="Cart.Version"/>, so
/// two writers refreshing out of order cannot go backwards. If the refresh fails, the cache must keep that cart out
/// of its answers until its stale entry is gone.
/// </description></item>
/// <item><description>
/// A miss may hand out a repopulate ticket (<see cref="CartCacheRead.RepopulateTicket"/>), and
/// <see cref="SetCartAsync"/> stores the cart only while nothing touched the entry since that miss: a reader that read
/// the source of truth before a write can then never put its older cart back, even after the newer entry was evicted.
/// </description></item>
/// </list>
/// <para>
/// Failures are the cache's own business: a cache that cannot answer reports a miss, and a write that fails is a
/// no-op, logged and counted by the cache (so are its hits and misses). Only
/// final orders (paid or superseded) are handed to <see cref="SetOrderAsync"/>, since they never change again.
/// Register an implementation with <c>AddCartKit().UseCartCache&lt;TCache&gt;()</c>; the <c>CartCacheContractTests</c>
/// suite in CartKit.Testing checks these rules.
/// </para>
/// </remarks>
public interface ICartCache
{
    /// <summary>Looks a cart up.</summary>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A hit, or a miss with a repopulate ticket when the cache grants one.</returns>
    ValueTask<CartCacheRead> GetCartAsync(string cartId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Repopulates after a miss, presenting the ticket that miss returned. Best effort: a cache that cannot store the
    /// entry, or whose ticket was revoked by a write, a delete or an eviction since, leaves the miss.
    /// </summary>
    /// <param name="cart">The cart read from the source of truth after the miss.</param>
    /// <param name="repopulateTicket">The ticket from <see cref="CartCacheRead.RepopulateTicket"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A task that completes when the attempt is done.</returns>
    ValueTask SetCartAsync(Cart cart, string repopulateTicket, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refreshes a cart after the source of truth acknowledged writing it: stores it unless an equal or newer version
    /// is cached. A refresh that fails must not let this process answer with the older entry afterwards.
    /// </summary>
    /// <param name="cart">The cart as written.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A task that completes when the refresh is done (or has failed and been recorded).</returns>
    ValueTask CartWrittenAsync(Cart cart, CancellationToken cancellationToken = default);

    /// <summary>Removes a cart's entry (after a lost compare-and-swap suggested it was stale).</summary>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A task that completes when the entry is gone or the attempt failed.</returns>
    ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken = default);

    /// <summary>Looks a final order up.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The cached order, or <see langword="null"/> on a miss or a failure.</returns>
    ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Caches a final (paid or superseded) order.</summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A task that completes when the attempt is done.</returns>
    ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a read of a cart before the caller knows it needs it, so that it shares a round trip with the session
    /// lookup that names the cart. Optional: the default sends nothing.
    /// </summary>
    /// <param name="cartId">The cart the session named the last time this process saw it.</param>
    /// <returns>The read in flight, or <see langword="null"/> when the cache cannot send one at once.</returns>
    CartReadAhead? StartReadAhead(string cartId) => null;
}
