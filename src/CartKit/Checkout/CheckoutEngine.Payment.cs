using CartKit.Carts;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Internal;
using CartKit.Storage;

namespace CartKit.Checkout;

// Orders after checkout: reading, paying and cancelling them, each decided by OrderLifecycle from the order's status as
// of now. Payment is conditional writes without a transaction (order PendingPayment -> Paid, the cart's other pending
// orders superseded, cart -> Completed with its remainder); whoever next reads or confirms the order finishes what a
// crash skipped. Money is never dropped: a payment the order cannot take is recorded on it as a conflict.
internal sealed partial class CheckoutEngine
{
    public async ValueTask<CartKitResult<Order>> GetOrderAsync(string orderId, string? userId = null, CancellationToken cancellationToken = default)
    {
        if (!CartKitIds.IsOrderId(orderId))
        {
            return CartErrors.OrderNotFound;
        }

        var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null || (order.Owner.UserId is { } owner && !string.Equals(owner, userId, StringComparison.Ordinal)))
        {
            return CartErrors.OrderNotFound;
        }

        if (order.Status == OrderStatus.Paid)
        {
            await _completion.CompleteAsync(order, isRepair: true, cancellationToken).ConfigureAwait(false);
        }

        return AsOfNow(order);
    }

    public async ValueTask<CartKitResult<Order>> ConfirmPaymentAsync(string orderId, PaymentConfirmation payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (!CartKitIds.IsOrderId(orderId))
        {
            return CartErrors.OrderNotFound;
        }

        if (!CheckoutInputs.IsValidPaymentReference(payment.Reference))
        {
            return CheckoutInputs.InvalidPaymentReference;
        }

        // Not a cart write: each pass reads the order and moves it by one conditional update; one that lost to a
        // concurrent payment, cancel or checkout decides again from the order's new status.
        for (var attempt = 1; attempt <= _options.MaxWriteAttempts; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (order is null)
            {
                return CartErrors.OrderNotFound;
            }

            // The total of an order never changes, so this check cannot race with anything.
            if (payment.Amount != order.Total)
            {
                Log.PaymentMismatch(_logger, order.Id, payment.Amount.ToString(), order.Total.ToString());
                return CartErrors.PaymentMismatch(order.Total, payment.Amount);
            }

            var now = StoredTime.Now(_time);
            var status = order.StatusAt(now);
            switch (OrderLifecycle.OnPayment(status))
            {
                case PaymentStep.Replay:
                    return await ReplayPaymentAsync(order, payment.Reference, cancellationToken).ConfigureAwait(false);
                case PaymentStep.RecordConflict:
                    if (await RecordConflictAsync(order, status, payment.Reference, now, cancellationToken).ConfigureAwait(false) is { } conflict)
                    {
                        return conflict;
                    }

                    continue;
            }

            var paid = await _orders.MarkPaidAsync(orderId, payment.Reference, now, cancellationToken).ConfigureAwait(false);
            switch (paid.Outcome)
            {
                case OrderPaymentOutcome.Paid:
                    await FulfilAsync(paid.Order!, cancellationToken).ConfigureAwait(false);
                    return paid.Order!;
                case OrderPaymentOutcome.AnotherOrderPaid:
                    if (await RecordConflictAsync(order, OrderStatus.PendingPayment, payment.Reference, now, cancellationToken).ConfigureAwait(false) is { } lost)
                    {
                        return lost;
                    }

                    continue;
                case OrderPaymentOutcome.NotFound:
                    return CartErrors.OrderNotFound;
                default:
                    continue; // Status changed under us (paid, closed or expired concurrently): decide again from the new state.
            }
        }

        Log.AttemptsExhausted(_logger, "payment confirmation", _options.MaxWriteAttempts);
        return CartErrors.ConcurrencyConflict;
    }

    public async ValueTask<CartKitResult<Order>> CancelOrderAsync(CartCaller caller, string orderId, CancellationToken cancellationToken = default)
    {
        if (!CartKitIds.IsOrderId(orderId))
        {
            return CartErrors.OrderNotFound;
        }

        var cart = await _resolver.ResolveAsync(caller, cancellationToken).ConfigureAwait(false);
        if (!cart.Succeeded)
        {
            return cart.Error;
        }

        var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null || !Owns(cart.Value, caller.UserId, order))
        {
            return CartErrors.OrderNotFound;
        }

        var now = StoredTime.Now(_time);
        if (OrderLifecycle.RefuseCancel(order.StatusAt(now)) is { } refused)
        {
            return refused;
        }

        if (order.Status == OrderStatus.Cancelled)
        {
            await _stock.ReleaseAsync(order).ConfigureAwait(false); // A cancel that died before releasing.
            return order;
        }

        var closed = await _orders.CloseAsync(order.Id, OrderStatus.Cancelled, now, cancellationToken).ConfigureAwait(false);
        if (closed is null)
        {
            return CartErrors.OrderNotFound;
        }

        if (closed.Status == OrderStatus.Cancelled && closed.ClosedAt == now)
        {
            _metrics.OrderClosed("cancelled");
        }

        if (closed.Status == OrderStatus.Cancelled)
        {
            await _stock.ReleaseAsync(closed).ConfigureAwait(false);
        }

        // Lost to a concurrent payment or supersede: the order's new status answers.
        return OrderLifecycle.RefuseCancel(closed.StatusAt(now)) is { } lost ? lost : closed;
    }

    // The caller's session reaches the order's cart (or the cart it was merged into), or the caller is the order's user.
    private static bool Owns(Cart cart, string? userId, Order order) =>
        string.Equals(cart.Id, order.CartId, StringComparison.Ordinal)
        || cart.MergedCartIds.Contains(order.CartId, StringComparer.Ordinal)
        || (order.Owner.UserId is { } owner && string.Equals(owner, userId, StringComparison.Ordinal));

    private Order AsOfNow(Order order) => order.StatusAt(_time.GetUtcNow()) is var status && status == order.Status ? order : order with { Status = status };

    private async ValueTask<CartKitResult<Order>> ReplayPaymentAsync(Order order, string reference, CancellationToken cancellationToken)
    {
        if (!string.Equals(order.PaymentReference, reference, StringComparison.Ordinal))
        {
            // Money taken twice: the order keeps its first payment; this one must be refunded.
            Log.DuplicatePayment(_logger, order.Id, reference);
            _metrics.PaymentConflict(PaymentConflicts.Reason(order.Status));
            return CartErrors.OrderAlreadyPaid;
        }

        if (order.Status == OrderStatus.PaymentConflict)
        {
            return CartErrors.PaymentConflict(OrderStatus.PaymentConflict);
        }

        await FulfilAsync(order, cancellationToken).ConfigureAwait(false);
        return order;
    }

    // Keeps a payment the order cannot take. Null when the order changed meanwhile (decide again).
    private async ValueTask<CartKitError?> RecordConflictAsync(Order order, OrderStatus was, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recorded = await _orders.RecordPaymentConflictAsync(order.Id, reference, now, cancellationToken).ConfigureAwait(false);
        if (recorded is not { Status: OrderStatus.PaymentConflict } || !string.Equals(recorded.PaymentReference, reference, StringComparison.Ordinal))
        {
            return null;
        }

        var reason = PaymentConflicts.Reason(was);
        Log.PaymentConflictRecorded(_logger, order.Id, reference, reason);
        _metrics.PaymentConflict(reason);
        return CartErrors.PaymentConflict(was);
    }

    // Idempotent: the order's units are sold, the cart's other pending orders can no longer be paid (their units go
    // back), and the cart is completed (with its remainder).
    private async ValueTask FulfilAsync(Order paid, CancellationToken cancellationToken)
    {
        await _stock.CommitAsync(paid).ConfigureAwait(false);
        var superseded = await _orders.SupersedePendingAsync(paid.CartId, long.MaxValue, StoredTime.Now(_time), cancellationToken).ConfigureAwait(false);
        if (superseded > 0)
        {
            _metrics.Superseded(superseded);
            await _stock.ReleaseClosedAsync(paid.CartId, cancellationToken).ConfigureAwait(false);
        }

        await _completion.CompleteAsync(paid, isRepair: false, cancellationToken).ConfigureAwait(false);
    }
}
