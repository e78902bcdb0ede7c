using Microsoft.Extensions.Logging;

namespace CartKit.AspNetCore.Http;

// Log lines of the HTTP layer; no session ids, order ids or personal data in the text.
internal static partial class Log
{
    // The fault's type only: during an outage every request lands here, and a stack trace per request floods the logs.
    [LoggerMessage(100, LogLevel.Warning, "The cart store is unavailable ({FaultType}); answered 503.")]
    public static partial void StoreUnavailable(ILogger logger, string faultType);
}
