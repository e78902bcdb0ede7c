using Microsoft.Extensions.Logging;

namespace CartKit.Diagnostics;

// Every log line CartKit writes. Session ids, cart contents and user ids never appear in the text.
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "A cart session missing from the session store was restored from the source of truth.")]
    public static partial void SessionRestored(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "Gave up {Operation} after {Attempts} attempts: the cart kept changing concurrently.")]
    public static partial void AttemptsExhausted(ILogger logger, string operation, int attempts);

    [LoggerMessage(3, LogLevel.Information, "Completed a cart whose order was paid but whose completion had not been recorded.")]
    public static partial void CartCompletionRepaired(ILogger logger);

    [LoggerMessage(4, LogLevel.Warning, "Could not release an idempotency key after a failed checkout; it frees itself when its lease ends.")]
    public static partial void IdempotencyReleaseFailed(ILogger logger, Exception exception);

    // Order lifecycle and payments: 20-29.
    [LoggerMessage(20, LogLevel.Error, "A payment ({PaymentReference}) arrived for order {OrderId}, which can no longer be fulfilled ({Reason}); it was recorded as a payment conflict to refund.")]
    public static partial void PaymentConflictRecorded(ILogger logger, string orderId, string paymentReference, string reason);

    [LoggerMessage(21, LogLevel.Warning, "A payment for order {OrderId} was refused: {Paid} does not match the order total of {Expected}.")]
    public static partial void PaymentMismatch(ILogger logger, string orderId, string paid, string expected);

    [LoggerMessage(22, LogLevel.Error, "A second payment ({PaymentReference}) arrived for order {OrderId}, already paid or in conflict with another reference; refund it.")]
    public static partial void DuplicatePayment(ILogger logger, string orderId, string paymentReference);

    [LoggerMessage(23, LogLevel.Information, "A paid order held less than its cart; {LineCount} lines moved to a new active cart.")]
    public static partial void RemainderCartCreated(ILogger logger, int lineCount);

    [LoggerMessage(24, LogLevel.Information, "Checkout found {Count} price changes; the cart was re-priced and the shopper asked to review it.")]
    public static partial void PricesChanged(ILogger logger, int count);

    // Stock reservations: 30-39.
    [LoggerMessage(30, LogLevel.Warning, "Could not release a stock reservation; the expiry sweep releases it once its order expires.")]
    public static partial void StockReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(31, LogLevel.Warning, "Could not commit the stock reservation of paid order {OrderId}; the expiry sweep commits it.")]
    public static partial void StockCommitFailed(ILogger logger, string orderId, Exception exception);

    [LoggerMessage(32, LogLevel.Information, "Checkout refused: {Count} skus are short of stock.")]
    public static partial void StockShort(ILogger logger, int count);

    [LoggerMessage(33, LogLevel.Information, "The expiry sweep settled {Released} released and {Committed} committed stock reservations.")]
    public static partial void ExpirySwept(ILogger logger, int released, int committed);

    [LoggerMessage(34, LogLevel.Error, "The expiry sweep failed; it runs again after its interval.")]
    public static partial void ExpirySweepFailed(ILogger logger, Exception exception);

    // The event relay (40-45): event ids and types only, never the payload.
    [LoggerMessage(40, LogLevel.Debug, "Delivered event {EventId} ({EventType}) {LagMs} ms after it happened.")]
    public static partial void EventDelivered(ILogger logger, string eventId, string eventType, long lagMs);

    [LoggerMessage(41, LogLevel.Warning, "Event {EventId} ({EventType}) failed delivery attempt {Attempt}; retrying at {RetryAt:O}.")]
    public static partial void EventDeliveryFailed(ILogger logger, string eventId, string eventType, int attempt, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(42, LogLevel.Error, "Event {EventId} ({EventType}) failed {Attempt} delivery attempts and was dead-lettered; the order's next events follow.")]
    public static partial void EventDeadLettered(ILogger logger, string eventId, string eventType, int attempt, Exception exception);

    [LoggerMessage(43, LogLevel.Warning, "Lost the claim on the events of order {OrderId} to another relay; it delivers them again (at least once).")]
    public static partial void EventLeaseLost(ILogger logger, string orderId);

    [LoggerMessage(44, LogLevel.Error, "The event relay pass failed; it runs again after its interval.")]
    public static partial void EventRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(45, LogLevel.Warning, "The order store does not implement IOrderEventOutbox: no events are recorded or delivered.")]
    public static partial void EventOutboxMissing(ILogger logger);

    // Event ids: core 1-49, CartKit.Redis 50-69, CartKit.MongoDB 70-89, CartKit.AspNetCore 100 and up; each package
    // logs its own events.
}
