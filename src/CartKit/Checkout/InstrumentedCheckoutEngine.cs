using System.Runtime.CompilerServices;
using CartKit.Diagnostics;
using CartKit.Domain;

namespace CartKit.Checkout;

// Telemetry for the checkout engine: spans, outcomes and durations, plus checkouts by result (created, replayed,
// refused) and payment confirmations by result.
internal sealed class InstrumentedCheckoutEngine(CheckoutEngine inner, CartKitMetrics metrics) : ICheckoutEngine
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<CartKitResult<CheckoutOutcome>> CheckoutAsync(Carts.CartCaller caller, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var result = await OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.Checkout,
            (inner, caller, idempotencyKey, cancellationToken),
            static s => s.inner.CheckoutAsync(s.caller, s.idempotencyKey, s.cancellationToken)).ConfigureAwait(false);
        metrics.Checkout(
            !result.Succeeded ? "refused" : result.Value.Created ? "created" : "replayed",
            Outcomes.Of(result));
        return result;
    }

    public ValueTask<CartKitResult<Order>> GetOrderAsync(string orderId, string? userId = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(metrics, EngineOperation.GetOrder, (inner, orderId, userId, cancellationToken), static s => s.inner.GetOrderAsync(s.orderId, s.userId, s.cancellationToken));

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<CartKitResult<Order>> ConfirmPaymentAsync(string orderId, PaymentConfirmation payment, CancellationToken cancellationToken = default)
    {
        var result = await OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.ConfirmPayment,
            (inner, orderId, payment, cancellationToken),
            static s => s.inner.ConfirmPaymentAsync(s.orderId, s.payment, s.cancellationToken)).ConfigureAwait(false);
        metrics.Payment(result.Succeeded ? "confirmed" : "refused", Outcomes.Of(result));
        return result;
    }

    public ValueTask<CartKitResult<Order>> CancelOrderAsync(Carts.CartCaller caller, string orderId, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.CancelOrder,
            (inner, caller, orderId, cancellationToken),
            static s => s.inner.CancelOrderAsync(s.caller, s.orderId, s.cancellationToken));
}
