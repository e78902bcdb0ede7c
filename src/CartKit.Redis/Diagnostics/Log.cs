using Microsoft.Extensions.Logging;

namespace CartKit.Redis.Diagnostics;

// Every log line CartKit.Redis writes (event ids 50-69). One Warning when an outage starts and one Information when
// it ends, whatever the traffic in between. Only the error kind is logged, never the client's exception: its message
// can carry the key, and session keys hold bearer secrets.
internal static partial class Log
{
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
}
