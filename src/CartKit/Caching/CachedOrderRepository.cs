using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Caching;

// Cache-aside for order reads. Only final orders (paid, payment conflict) are cached: any other can still change (a
// pending order is paid, closed, or superseded by a bulk update whose order ids the store does not report; a closed one
// can still receive a payment that turns it into a conflict), so it is always read from the truth.
internal sealed class CachedOrderRepository(IOrderRepository inner, ICartCache cache) : IOrderRepository
{
    public async ValueTask<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        if (await cache.GetOrderAsync(orderId, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        var order = await inner.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        await CacheIfFinalAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    public ValueTask<Order?> FindByCartVersionAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default) =>
        inner.FindByCartVersionAsync(cartId, cartVersion, cancellationToken);

    public ValueTask<IReadOnlyList<Order>> ListByCartAsync(string cartId, CancellationToken cancellationToken = default) =>
        inner.ListByCartAsync(cartId, cancellationToken);

    public ValueTask<OrderInsertResult> InsertAsync(Order order, CancellationToken cancellationToken = default) =>
        inner.InsertAsync(order, cancellationToken);

    public ValueTask<int> SupersedePendingAsync(string cartId, long beforeCartVersion, DateTimeOffset closedAt, CancellationToken cancellationToken = default) =>
        inner.SupersedePendingAsync(cartId, beforeCartVersion, closedAt, cancellationToken);

    public async ValueTask<OrderPaymentResult> MarkPaidAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default)
    {
        var result = await inner.MarkPaidAsync(orderId, paymentReference, paidAt, cancellationToken).ConfigureAwait(false);
        await CacheIfFinalAsync(result.Order, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask<Order?> CloseAsync(string orderId, OrderStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken = default) =>
        inner.CloseAsync(orderId, status, closedAt, cancellationToken);

    public async ValueTask<Order?> RecordPaymentConflictAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default)
    {
        var order = await inner.RecordPaymentConflictAsync(orderId, paymentReference, paidAt, cancellationToken).ConfigureAwait(false);
        await CacheIfFinalAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    private ValueTask CacheIfFinalAsync(Order? order, CancellationToken cancellationToken) =>
        order is not null && OrderEndStates.IsFinal(order.Status)
            ? cache.SetOrderAsync(order, cancellationToken)
            : ValueTask.CompletedTask;
}
