using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Caching;

// Cache-aside for order reads. Only final orders are cached: a pending order can still become paid or superseded
// (the latter by a bulk update whose order ids the store does not report), so it is always read from the truth.
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

    public ValueTask<int> SupersedePendingAsync(string cartId, long beforeCartVersion, CancellationToken cancellationToken = default) =>
        inner.SupersedePendingAsync(cartId, beforeCartVersion, cancellationToken);

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

    public async ValueTask<Order?> MarkSupersededAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var order = await inner.MarkSupersededAsync(orderId, cancellationToken).ConfigureAwait(false);
        await CacheIfFinalAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    private ValueTask CacheIfFinalAsync(Order? order, CancellationToken cancellationToken) =>
        order is { Status: not OrderStatus.PendingPayment }
            ? cache.SetOrderAsync(order, cancellationToken)
            : ValueTask.CompletedTask;
}
