using Microsoft.Extensions.Logging;

namespace CartKit.MongoDB.Diagnostics;

// Every log line CartKit.MongoDB writes (event ids 70-89).
internal static partial class Log
{
    [LoggerMessage(70, LogLevel.Information, "CartKit's MongoDB indexes exist.")]
    public static partial void MongoIndexesEnsured(ILogger logger);

    [LoggerMessage(71, LogLevel.Warning, "Retryable writes are off on the MongoDB client CartKit was given: a write interrupted by a failover fails with StoreUnavailableException instead of being retried once, and a repeated cart write can then apply twice. Turn retryWrites on, unless the server has none (Amazon DocumentDB).")]
    public static partial void MongoRetryableWritesOff(ILogger logger);
}
