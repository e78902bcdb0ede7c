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

    // Event ids: core 1-49, Redis 50-69, MongoDB 70-89 (CartKit.AspNetCore uses 100 and up).

    // Redis: one Warning when an outage starts and one Information when it ends, whatever the traffic in between.
    // Only the error kind is logged, never the client's exception: its message can carry the key, and session keys
    // hold bearer secrets.
    [LoggerMessage(50, LogLevel.Warning, "Redis is unavailable ({ErrorType}): carts and sessions are served from the source of truth, and Redis is tried again every {Backoff}.")]
    public static partial void RedisUnavailable(ILogger logger, string errorType, TimeSpan backoff);

    [LoggerMessage(51, LogLevel.Information, "Redis answers again after {Duration}; the cart cache refills as carts are read.")]
    public static partial void RedisAvailableAgain(ILogger logger, TimeSpan duration);

    [LoggerMessage(52, LogLevel.Warning, "A cached {Entity} could not be read ({ErrorType}); it was treated as a miss and removed.")]
    public static partial void CacheEntryUnreadable(ILogger logger, string entity, string errorType);

    [LoggerMessage(53, LogLevel.Warning, "More carts were written while Redis was unavailable than can be tracked one by one; cart reads bypass the cache for {Duration}, until every entry written before the outage has expired.")]
    public static partial void CartCacheBypassed(ILogger logger, TimeSpan duration);

    [LoggerMessage(54, LogLevel.Information, "A checkout waited {Waited} for another checkout of the same cart and went ahead without the lock; the order store still allows one order per cart version.")]
    public static partial void CheckoutLockNotAcquired(ILogger logger, TimeSpan waited);

    // MongoDB.
    [LoggerMessage(70, LogLevel.Information, "CartKit's MongoDB indexes exist.")]
    public static partial void MongoIndexesEnsured(ILogger logger);

    [LoggerMessage(71, LogLevel.Warning, "Retryable writes are off on the MongoDB client CartKit was given: a write interrupted by a failover fails with StoreUnavailableException instead of being retried once, and a repeated cart write can then apply twice. Turn retryWrites on.")]
    public static partial void MongoRetryableWritesOff(ILogger logger);
}
