using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Carts;

// Telemetry for the cart engine, kept out of its rules: a span, an outcome counter and a duration per operation.
internal sealed class InstrumentedCartEngine(CartEngine inner, CartKitMetrics metrics) : ICartEngine
{
    public ValueTask<CartKitResult<CartSessionCreated>> CreateSessionAsync(string? userId = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(metrics, EngineOperation.CreateSession, (inner, userId, cancellationToken), static s => s.inner.CreateSessionAsync(s.userId, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> GetCartAsync(CartCaller caller, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(metrics, EngineOperation.GetCart, (inner, caller, cancellationToken), static s => s.inner.GetCartAsync(s.caller, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> AddItemAsync(CartCaller caller, string sku, int quantity, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.AddItem,
            (inner, caller, sku, quantity, expected, cancellationToken),
            static s => s.inner.AddItemAsync(s.caller, s.sku, s.quantity, s.expected, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> SetQuantityAsync(CartCaller caller, string itemId, int quantity, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.SetQuantity,
            (inner, caller, itemId, quantity, expected, cancellationToken),
            static s => s.inner.SetQuantityAsync(s.caller, s.itemId, s.quantity, s.expected, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> RemoveItemAsync(CartCaller caller, string itemId, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.RemoveItem,
            (inner, caller, itemId, expected, cancellationToken),
            static s => s.inner.RemoveItemAsync(s.caller, s.itemId, s.expected, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> ClearAsync(CartCaller caller, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(metrics, EngineOperation.Clear, (inner, caller, expected, cancellationToken), static s => s.inner.ClearAsync(s.caller, s.expected, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> SetCheckoutDetailsAsync(
        CartCaller caller,
        CheckoutDetails details,
        CheckoutDetailsFields fields,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.SetCheckoutDetails,
            (inner, caller, details, fields, expected, cancellationToken),
            static s => s.inner.SetCheckoutDetailsAsync(s.caller, s.details, s.fields, s.expected, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> AttachUserAsync(string sessionId, string userId, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(metrics, EngineOperation.AttachUser, (inner, sessionId, userId, cancellationToken), static s => s.inner.AttachUserAsync(s.sessionId, s.userId, s.cancellationToken));

    public ValueTask<CartPage> GetAbandonedCartsAsync(int pageSize = 100, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        inner.GetAbandonedCartsAsync(pageSize, continuationToken, cancellationToken);
}
