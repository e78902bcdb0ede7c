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

    // Event ids: core 1-49, CartKit.Redis 50-69, CartKit.MongoDB 70-89, CartKit.AspNetCore 100 and up; each package
    // logs its own events.
}
