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

    [LoggerMessage(5, LogLevel.Warning, "An order was paid while another order of the same cart was already paid; it was marked superseded.")]
    public static partial void SecondPaymentRefused(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "CartKit's MongoDB indexes exist.")]
    public static partial void MongoIndexesEnsured(ILogger logger);

    [LoggerMessage(7, LogLevel.Warning, "Retryable writes are off on the MongoDB client CartKit was given: a write interrupted by a failover fails with StoreUnavailableException instead of being retried once, and a repeated cart write can then apply twice. Turn retryWrites on.")]
    public static partial void MongoRetryableWritesOff(ILogger logger);
}
