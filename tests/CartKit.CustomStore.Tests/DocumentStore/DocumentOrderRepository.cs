using CartKit.Domain;
using CartKit.Events;
using CartKit.Storage;

namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>
/// Orders as JSON documents in <see cref="DocumentDatabase.Orders"/>. Enforces, under the collection's lock: one order
/// per (cart, cart version), at most one paid order per cart, and status changes only from pending payment.
/// </summary>
/// <param name="database">The database.</param>
public sealed partial class DocumentOrderRepository(DocumentDatabase database) : IOrderRepository
{
    private readonly DocumentSet _orders = database.Orders;

    /// <inheritdoc/>
    public ValueTask<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_orders.Gate)
        {
            return ValueTask.FromResult(Find(orderId) is { } document ? DocumentMapping.ToOrder(document) : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Order?> FindByCartVersionAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default)
    {
        lock (_orders.Gate)
        {
            var found = OfCart(cartId).FirstOrDefault(d => d.CartVersion == cartVersion);
            return ValueTask.FromResult(found is null ? null : DocumentMapping.ToOrder(found));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Order>> ListByCartAsync(string cartId, CancellationToken cancellationToken = default)
    {
        lock (_orders.Gate)
        {
            IReadOnlyList<Order> orders =
            [
                .. OfCart(cartId)
                    .OrderBy(d => d.CreatedAt)
                    .ThenBy(d => d.Id, StringComparer.Ordinal)
                    .Select(DocumentMapping.ToOrder),
            ];
            return ValueTask.FromResult(orders);
        }
    }

    /// <inheritdoc/>
    public ValueTask<OrderInsertResult> InsertAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_orders.Gate)
        {
            if (OfCart(order.CartId).FirstOrDefault(d => d.CartVersion == order.CartVersion) is { } existing)
            {
                return ValueTask.FromResult(new OrderInsertResult(false, DocumentMapping.ToOrder(existing)));
            }

            // What a unique index would refuse: these are bugs in the caller, not outcomes.
            if (_orders.Contains(order.Id))
            {
                throw new InvalidOperationException("An order with this id already exists.");
            }

            if (order.Status == OrderStatus.Paid && OfCart(order.CartId).Any(d => d.Status == OrderStatus.Paid))
            {
                throw new InvalidOperationException("The cart already has a paid order.");
            }

            _orders.Put(order.Id, DocumentMapping.Write(WithEvent(DocumentMapping.ToDocument(order), CartKitEventType.OrderPlaced, order.CreatedAt)));
            return ValueTask.FromResult(new OrderInsertResult(true, DocumentMapping.ToOrder(DocumentMapping.ToDocument(order))));
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> SupersedePendingAsync(string cartId, long beforeCartVersion, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        lock (_orders.Gate)
        {
            var stale = OfCart(cartId).Where(d => d.Status == OrderStatus.PendingPayment && d.CartVersion < beforeCartVersion).ToList();
            foreach (var document in stale)
            {
                _orders.Put(document.Id, DocumentMapping.Write(WithEvent(document with { Status = OrderStatus.Superseded, ClosedAt = closedAt }, CartKitEventType.OrderSuperseded, closedAt)));
            }

            return ValueTask.FromResult(stale.Count);
        }
    }

    /// <inheritdoc/>
    public ValueTask<OrderPaymentResult> MarkPaidAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default)
    {
        lock (_orders.Gate)
        {
            if (Find(orderId) is not { } document)
            {
                return ValueTask.FromResult(new OrderPaymentResult(OrderPaymentOutcome.NotFound, null));
            }

            if (document.Status != OrderStatus.PendingPayment || document.ExpiresAt <= paidAt)
            {
                return ValueTask.FromResult(new OrderPaymentResult(OrderPaymentOutcome.NotPending, DocumentMapping.ToOrder(document)));
            }

            if (OfCart(document.CartId).Any(d => d.Status == OrderStatus.Paid))
            {
                return ValueTask.FromResult(new OrderPaymentResult(OrderPaymentOutcome.AnotherOrderPaid, DocumentMapping.ToOrder(document)));
            }

            var paid = document with { Status = OrderStatus.Paid, PaidAt = paidAt, PaymentReference = paymentReference };
            _orders.Put(orderId, DocumentMapping.Write(WithEvent(paid, CartKitEventType.OrderPaid, paidAt)));
            return ValueTask.FromResult(new OrderPaymentResult(OrderPaymentOutcome.Paid, DocumentMapping.ToOrder(paid)));
        }
    }

    /// <inheritdoc/>
    public ValueTask<Order?> CloseAsync(string orderId, OrderStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        OrderEndStates.EnsureClosing(status);
        return Update(orderId, d => d.Status == OrderStatus.PendingPayment, d => WithEvent(d with { Status = status, ClosedAt = closedAt }, OrderEventRules.ForStatus(status), closedAt));
    }

    /// <inheritdoc/>
    public ValueTask<Order?> RecordPaymentConflictAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default) =>
        Update(
            orderId,
            d => OrderEndStates.CanTurnIntoConflict(d.Status),
            d => WithEvent(d with { Status = OrderStatus.PaymentConflict, PaidAt = paidAt, PaymentReference = paymentReference }, CartKitEventType.OrderPaymentConflict, paidAt));

    // A conditional update: applies `change` when the stored document passes `condition`, and returns it as stored after.
    private ValueTask<Order?> Update(string orderId, Func<OrderDocument, bool> condition, Func<OrderDocument, OrderDocument> change)
    {
        lock (_orders.Gate)
        {
            if (Find(orderId) is not { } document)
            {
                return ValueTask.FromResult<Order?>(null);
            }

            if (condition(document))
            {
                document = change(document);
                _orders.Put(orderId, DocumentMapping.Write(document));
            }

            return ValueTask.FromResult<Order?>(DocumentMapping.ToOrder(document));
        }
    }

    private OrderDocument? Find(string orderId) =>
        _orders.TryGet(orderId, out var json) ? DocumentMapping.ReadOrderDocument(json) : null;

    private IEnumerable<OrderDocument> OfCart(string cartId) =>
        _orders.All().Select(DocumentMapping.ReadOrderDocument).Where(d => string.Equals(d.CartId, cartId, StringComparison.Ordinal));
}
