using CartKit.Carts;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Internal;
using CartKit.Storage;

namespace CartKit.Checkout;

// Orders after checkout: reading them and confirming payment. Payment is two conditional writes without a
// transaction (order PendingPayment -> Paid, then cart -> Completed); whoever next reads or confirms the order
// finishes the second write if a crash skipped it.
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
            await CompleteCartAsync(order, isRepair: true, cancellationToken).ConfigureAwait(false);
        }

        return order;
    }

    public async ValueTask<CartKitResult<Order>> ConfirmPaymentAsync(string orderId, string paymentReference, CancellationToken cancellationToken = default)
    {
        if (!CartKitIds.IsOrderId(orderId))
        {
            return CartErrors.OrderNotFound;
        }

        if (!CheckoutInputs.IsValidPaymentReference(paymentReference))
        {
            return CheckoutInputs.InvalidPaymentReference;
        }

        // Not a cart write: each pass reads the order and moves it by one conditional update; one that lost to a
        // concurrent confirmation or checkout decides again from the order's new status.
        for (var attempt = 1; attempt <= _options.MaxWriteAttempts; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            switch (order?.Status)
            {
                case null:
                    return CartErrors.OrderNotFound;
                case OrderStatus.Superseded:
                    return CartErrors.OrderSuperseded;
                case OrderStatus.Paid:
                    if (!string.Equals(order.PaymentReference, paymentReference, StringComparison.Ordinal))
                    {
                        return CartErrors.OrderAlreadyPaid;
                    }

                    await CompleteCartAsync(order, isRepair: true, cancellationToken).ConfigureAwait(false);
                    return order;
            }

            var cart = await _reader.ReadAsync(order.CartId, cancellationToken).ConfigureAwait(false);
            if (cart is { Status: CartStatus.Completed } && !string.Equals(cart.CompletedByOrderId, order.Id, StringComparison.Ordinal))
            {
                await _orders.MarkSupersededAsync(order.Id, cancellationToken).ConfigureAwait(false);
                return CartErrors.OrderSuperseded;
            }

            var paid = await _orders.MarkPaidAsync(orderId, paymentReference, StoredTime.Now(_time), cancellationToken).ConfigureAwait(false);
            switch (paid.Outcome)
            {
                case OrderPaymentOutcome.Paid:
                    await CompleteCartAsync(paid.Order!, isRepair: false, cancellationToken).ConfigureAwait(false);
                    return paid.Order!;
                case OrderPaymentOutcome.AnotherOrderPaid:
                    Log.SecondPaymentRefused(_logger);
                    await _orders.MarkSupersededAsync(order.Id, cancellationToken).ConfigureAwait(false);
                    return CartErrors.OrderSuperseded;
                case OrderPaymentOutcome.NotFound:
                    return CartErrors.OrderNotFound;
                default:
                    continue; // Status changed under us (paid or superseded concurrently): decide again from the new state.
            }
        }

        Log.AttemptsExhausted(_logger, "payment confirmation", _options.MaxWriteAttempts);
        return CartErrors.ConcurrencyConflict;
    }

    // Idempotent: marks the paid order's cart Completed unless it already is. isRepair: the order was found paid
    // already, so a write here means an earlier confirmation stopped between its two writes.
    private async ValueTask CompleteCartAsync(Order paid, bool isRepair, CancellationToken cancellationToken)
    {
        var write = await _writer.WriteAsync(
            paid.CartId,
            "cart completion",
            paid.Id,
            static (cart, orderId) => cart is null || cart.Status == CartStatus.Completed
                ? CartChange.Keep
                : CartChange.Write(cart with { Status = CartStatus.Completed, CompletedByOrderId = orderId }),
            cancellationToken).ConfigureAwait(false);
        if (write.Outcome == CartWriteOutcome.Written && isRepair)
        {
            Log.CartCompletionRepaired(_logger);
        }
    }
}
