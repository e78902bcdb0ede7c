using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Diagnostics;

// Spans around every call to the order source of truth.
internal sealed class TracedOrderRepository(IOrderRepository inner) : IOrderRepository
{
    public ValueTask<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.orders.get", (inner, orderId, cancellationToken), static s => s.inner.GetAsync(s.orderId, s.cancellationToken));

    public ValueTask<Order?> FindByCartVersionAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.orders.find_by_cart_version", (inner, cartId, cartVersion, cancellationToken), static s => s.inner.FindByCartVersionAsync(s.cartId, s.cartVersion, s.cancellationToken));

    public ValueTask<IReadOnlyList<Order>> ListByCartAsync(string cartId, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.orders.list_by_cart", (inner, cartId, cancellationToken), static s => s.inner.ListByCartAsync(s.cartId, s.cancellationToken));

    public ValueTask<OrderInsertResult> InsertAsync(Order order, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace("cartkit.store.orders.insert", (inner, order, cancellationToken), static s => s.inner.InsertAsync(s.order, s.cancellationToken));

    public ValueTask<int> SupersedePendingAsync(string cartId, long beforeCartVersion, DateTimeOffset closedAt, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace(
            "cartkit.store.orders.supersede_pending",
            (inner, cartId, beforeCartVersion, closedAt, cancellationToken),
            static s => s.inner.SupersedePendingAsync(s.cartId, s.beforeCartVersion, s.closedAt, s.cancellationToken));

    public ValueTask<OrderPaymentResult> MarkPaidAsync(string orderId, string paymentReference, DateTimeOffset paidAt, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace(
            "cartkit.store.orders.mark_paid",
            (inner, orderId, paymentReference, paidAt, cancellationToken),
            static s => s.inner.MarkPaidAsync(s.orderId, s.paymentReference, s.paidAt, s.cancellationToken));

    public ValueTask<Order?> CloseAsync(string orderId, OrderStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace(
            "cartkit.store.orders.close",
            (inner, orderId, status, closedAt, cancellationToken),
            static s => s.inner.CloseAsync(s.orderId, s.status, s.closedAt, s.cancellationToken));

    public ValueTask<Order?> RecordPaymentConflictAsync(string orderId, string paymentReference, DateTimeOffset paidAt, CancellationToken cancellationToken = default) =>
        StoreTracing.Trace(
            "cartkit.store.orders.record_payment_conflict",
            (inner, orderId, paymentReference, paidAt, cancellationToken),
            static s => s.inner.RecordPaymentConflictAsync(s.orderId, s.paymentReference, s.paidAt, s.cancellationToken));
}
