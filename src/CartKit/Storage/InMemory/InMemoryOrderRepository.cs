using CartKit.Domain;
using CartKit.Events;

namespace CartKit.Storage.InMemory;

// The default order store: process memory behind one lock, enforcing what MongoDB's unique indexes enforce
// (one order per cart version, one paid order per cart) and the same conditional status transitions. Orders are
// immutable by construction, so they are stored as they are. Each status change appends its event to the order's
// outbox under the same lock, so an event exists exactly when its change does (InMemoryOrderRepository.Outbox.cs).
internal sealed partial class InMemoryOrderRepository : IOrderRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string CartId, long CartVersion), string> _byCartVersion = [];
    private readonly Dictionary<string, List<string>> _byCart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paidByCart = new(StringComparer.Ordinal);

    public ValueTask<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_orders.GetValueOrDefault(orderId));
        }
    }

    public ValueTask<Order?> FindByCartVersionAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(
                _byCartVersion.TryGetValue((cartId, cartVersion), out var id) ? _orders[id] : null);
        }
    }

    public ValueTask<IReadOnlyList<Order>> ListByCartAsync(string cartId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Order> orders = _byCart.TryGetValue(cartId, out var ids)
                ? [.. ids.Select(id => _orders[id]).OrderBy(o => o.CreatedAt)]
                : [];
            return ValueTask.FromResult(orders);
        }
    }

    public ValueTask<OrderInsertResult> InsertAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            if (_byCartVersion.TryGetValue((order.CartId, order.CartVersion), out var existingId))
            {
                return ValueTask.FromResult(new OrderInsertResult(false, _orders[existingId]));
            }

            if (_orders.ContainsKey(order.Id))
            {
                throw new InvalidOperationException("An order with this id already exists.");
            }

            // Checked before anything is stored, as MongoDB's unique index refuses the insert as a whole.
            if (order.Status == OrderStatus.Paid && _paidByCart.ContainsKey(order.CartId))
            {
                throw new InvalidOperationException("The cart already has a paid order.");
            }

            _orders.Add(order.Id, order);
            _byCartVersion.Add((order.CartId, order.CartVersion), order.Id);
            if (!_byCart.TryGetValue(order.CartId, out var ids))
            {
                _byCart[order.CartId] = ids = [];
            }

            ids.Add(order.Id);
            Record(order.Id, CartKitEventType.OrderPlaced, order.CreatedAt);
            if (order.Status == OrderStatus.Paid)
            {
                _paidByCart.Add(order.CartId, order.Id);
            }

            return ValueTask.FromResult(new OrderInsertResult(true, order));
        }
    }

    public ValueTask<int> SupersedePendingAsync(string cartId, long beforeCartVersion, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var count = 0;
            foreach (var id in _byCart.GetValueOrDefault(cartId) ?? [])
            {
                var order = _orders[id];
                if (order.Status == OrderStatus.PendingPayment && order.CartVersion < beforeCartVersion)
                {
                    _orders[id] = order with { Status = OrderStatus.Superseded, ClosedAt = closedAt };
                    Record(id, CartKitEventType.OrderSuperseded, closedAt);
                    count++;
                }
            }

            return ValueTask.FromResult(count);
        }
    }

    public ValueTask<OrderPaymentResult> MarkPaidAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return ValueTask.FromResult(new OrderPaymentResult(OrderPaymentOutcome.NotFound, null));
            }

            if (order.Status != OrderStatus.PendingPayment || order.ExpiresAt <= paidAt)
            {
                return ValueTask.FromResult(new OrderPaymentResult(OrderPaymentOutcome.NotPending, order));
            }

            if (_paidByCart.ContainsKey(order.CartId))
            {
                return ValueTask.FromResult(new OrderPaymentResult(OrderPaymentOutcome.AnotherOrderPaid, order));
            }

            var paid = order with { Status = OrderStatus.Paid, PaidAt = paidAt, PaymentReference = paymentReference };
            _orders[orderId] = paid;
            _paidByCart.Add(order.CartId, orderId);
            Record(orderId, CartKitEventType.OrderPaid, paidAt);
            return ValueTask.FromResult(new OrderPaymentResult(OrderPaymentOutcome.Paid, paid));
        }
    }

    public ValueTask<Order?> CloseAsync(string orderId, OrderStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        OrderEndStates.EnsureClosing(status);
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return ValueTask.FromResult<Order?>(null);
            }

            if (order.Status == OrderStatus.PendingPayment)
            {
                _orders[orderId] = order = order with { Status = status, ClosedAt = closedAt };
                Record(orderId, OrderEventRules.ForStatus(status), closedAt);
            }

            return ValueTask.FromResult<Order?>(order);
        }
    }

    public ValueTask<Order?> RecordPaymentConflictAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_orders.TryGetValue(orderId, out var order))
            {
                return ValueTask.FromResult<Order?>(null);
            }

            if (OrderEndStates.CanTurnIntoConflict(order.Status))
            {
                _orders[orderId] = order = order with { Status = OrderStatus.PaymentConflict, PaidAt = paidAt, PaymentReference = paymentReference };
                Record(orderId, CartKitEventType.OrderPaymentConflict, paidAt);
            }

            return ValueTask.FromResult<Order?>(order);
        }
    }
}
