using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Diagnostics;

// Spans around every call to the cart source of truth, whichever store it is (in memory, MongoDB, a host's own).
internal sealed class TracedCartRepository(ICartRepository inner) : ICartRepository
{
    public ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.carts.get", (inner, cartId, cancellationToken), static s => s.inner.GetAsync(s.cartId, s.cancellationToken));

    public ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.carts.find_active_by_session", (inner, sessionId, cancellationToken), static s => s.inner.FindActiveBySessionAsync(s.sessionId, s.cancellationToken));

    public ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.carts.find_active_by_user", (inner, userId, cancellationToken), static s => s.inner.FindActiveByUserAsync(s.userId, s.cancellationToken));

    public ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.carts.insert", (inner, cart, cancellationToken), static s => s.inner.InsertAsync(s.cart, s.cancellationToken));

    public ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.carts.replace", (inner, cart, expectedVersion, cancellationToken), static s => s.inner.ReplaceAsync(s.cart, s.expectedVersion, s.cancellationToken));

    public ValueTask<CartPage> FindInactiveAsync(DateTimeOffset lastActivityAtOrBefore, int pageSize, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace(
            "cartkit.store.carts.find_inactive",
            (inner, lastActivityAtOrBefore, pageSize, continuationToken, cancellationToken),
            static s => s.inner.FindInactiveAsync(s.lastActivityAtOrBefore, s.pageSize, s.continuationToken, s.cancellationToken));
}
