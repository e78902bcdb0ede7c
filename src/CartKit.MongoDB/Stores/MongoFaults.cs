using System.Collections.Frozen;
using CartKit.Storage;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Which driver exceptions mean "MongoDB is unreachable or not answering" (wrapped in StoreUnavailableException, which
// the HTTP layer answers with 503 + Retry-After) and which duplicate-key errors mean "a store rule was enforced".
// Everything else is a bug or a misconfiguration and propagates as it is.
internal static class MongoFaults
{
    // Server error codes of a node that is stepping down, shutting down or cut off: another attempt will be served
    // by the next primary. (Most reach us as MongoNotPrimaryException / MongoNodeIsRecoveringException already.)
    private static readonly FrozenSet<int> TransientCodes = FrozenSet.ToFrozenSet(
    [
        6, // HostUnreachable
        7, // HostNotFound
        89, // NetworkTimeout
        91, // ShutdownInProgress
        189, // PrimarySteppedDown
        262, // ExceededTimeLimit
        9001, // SocketException
        10107, // NotWritablePrimary
        11600, // InterruptedAtShutdown
        11602, // InterruptedDueToReplStateChange
        13435, // NotPrimaryNoSecondaryOk
        13436, // NotPrimaryOrSecondary
    ]);

    private static readonly FrozenSet<int> DuplicateKeyCodes = FrozenSet.ToFrozenSet([11000, 11001, 12582]);

    private const string IndexMarker = " index: ";

    public static StoreUnavailableException Unavailable(Exception exception) =>
        new("MongoDB, the cart and order store, could not be reached or did not answer in time; the request can be retried.", exception);

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        OperationCanceledException => false,
        _ when DuplicateKeyIndex(exception) is not null => false,

        // Network errors, closed connections and failed handshakes, then server selection and connection timeouts
        // (the driver's own timeouts are TimeoutExceptions, cancellation by the caller is not).
        MongoConnectionException or TimeoutException => true,
        MongoWaitQueueFullException or MongoConnectionPoolPausedException => true,
        MongoExecutionTimeoutException => true,
        MongoNotPrimaryException or MongoNodeIsRecoveringException => true,

        // The write was applied on the primary but not confirmed by a majority in time (or the node went away
        // first). Every CartKit write is safe to repeat, so the caller retries.
        MongoWriteConcernException => true,
        MongoWriteException { WriteError: null, WriteConcernError: not null } => true,
        MongoBulkWriteException { WriteErrors.Count: 0, WriteConcernError: not null } => true,

        MongoException labelled when labelled.HasErrorLabel("RetryableWriteError") || labelled.HasErrorLabel("TransientTransactionError") => true,
        MongoCommandException command when TransientCodes.Contains(command.Code) => true,
        _ => false,
    };

    // The name of the unique index a write collided with ("_id_" for the id), or null when the exception is not a
    // duplicate-key error. MongoDB names the index in the message: "E11000 duplicate key error collection: db.carts
    // index: carts_one_active_per_user dup key: { userId: "..." }". Writes report it as a write error;
    // findAndModify reports it as a failed command.
    public static string? DuplicateKeyIndex(Exception exception)
    {
        var message = exception switch
        {
            MongoWriteException { WriteError: { Category: ServerErrorCategory.DuplicateKey } error } => error.Message,
            MongoBulkWriteException bulk => bulk.WriteErrors.FirstOrDefault(e => e.Category == ServerErrorCategory.DuplicateKey)?.Message,
            MongoCommandException command when DuplicateKeyCodes.Contains(command.Code) => command.ErrorMessage ?? command.Message,
            _ => null,
        };
        return message is null ? null : IndexNameIn(message);
    }

    private static string IndexNameIn(string message)
    {
        var start = message.IndexOf(IndexMarker, StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        start += IndexMarker.Length;
        var end = message.IndexOf(' ', start);
        var name = end < 0 ? message[start..] : message[start..end];

        // Servers before 3.4 wrote the namespace too: "index: db.carts.$carts_one_active_per_user".
        var dollar = name.LastIndexOf('$');
        return dollar < 0 ? name : name[(dollar + 1)..];
    }
}
