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

    public ValueTask<CartKitResult<Cart>> AddItemAsync(CartCaller caller, string sku, int quantity, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.AddItem,
            (inner, caller, sku, quantity, expectedVersion, cancellationToken),
            static s => s.inner.AddItemAsync(s.caller, s.sku, s.quantity, s.expectedVersion, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> SetQuantityAsync(CartCaller caller, string itemId, int quantity, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.SetQuantity,
            (inner, caller, itemId, quantity, expectedVersion, cancellationToken),
            static s => s.inner.SetQuantityAsync(s.caller, s.itemId, s.quantity, s.expectedVersion, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> RemoveItemAsync(CartCaller caller, string itemId, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.RemoveItem,
            (inner, caller, itemId, expectedVersion, cancellationToken),
            static s => s.inner.RemoveItemAsync(s.caller, s.itemId, s.expectedVersion, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> ClearAsync(CartCaller caller, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(metrics, EngineOperation.Clear, (inner, caller, expectedVersion, cancellationToken), static s => s.inner.ClearAsync(s.caller, s.expectedVersion, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> SetCheckoutDetailsAsync(
        CartCaller caller,
        CheckoutDetails details,
        CheckoutDetailsFields fields,
        long? expectedVersion = null,
        CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(
            metrics,
            EngineOperation.SetCheckoutDetails,
            (inner, caller, details, fields, expectedVersion, cancellationToken),
            static s => s.inner.SetCheckoutDetailsAsync(s.caller, s.details, s.fields, s.expectedVersion, s.cancellationToken));

    public ValueTask<CartKitResult<Cart>> AttachUserAsync(string sessionId, string userId, CancellationToken cancellationToken = default) =>
        OperationTelemetry.RunAsync(metrics, EngineOperation.AttachUser, (inner, sessionId, userId, cancellationToken), static s => s.inner.AttachUserAsync(s.sessionId, s.userId, s.cancellationToken));

    public ValueTask<CartPage> GetAbandonedCartsAsync(int pageSize = 100, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        inner.GetAbandonedCartsAsync(pageSize, continuationToken, cancellationToken);
}
