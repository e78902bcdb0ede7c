using Microsoft.Extensions.Logging;

namespace CartKit.AspNetCore.Http;

// Log lines of the HTTP layer; no session ids, order ids or personal data in the text.
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Warning, "The cart store is unavailable; answered 503.")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception);
}
