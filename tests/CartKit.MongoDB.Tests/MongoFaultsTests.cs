using System.Net;
using System.Reflection;
using CartKit.MongoDB.Indexes;
using CartKit.MongoDB.Stores;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace CartKit.MongoDB.Tests;

/// <summary>
/// How driver exceptions are read, with the exceptions the driver throws built by hand: duplicate keys name the rule
/// that was enforced, an unreachable or failing-over server is "unavailable", and anything else is left to propagate.
/// </summary>
public sealed class MongoFaultsTests
{
    private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("localhost", 27017)));

    [Theory]
    [InlineData("E11000 duplicate key error collection: cartkit.carts index: carts_one_active_per_user dup key: { userId: \"u\" }", "carts_one_active_per_user")]
    [InlineData("E11000 duplicate key error collection: cartkit.carts index: _id_ dup key: { _id: \"c\" }", "_id_")]
    [InlineData("E11000 duplicate key error index: cartkit.orders.$orders_one_per_cart_version  dup key: { : \"c\", : 1 }", "orders_one_per_cart_version")]
    [InlineData("E11000 duplicate key error collection: cartkit.orders", "")]
    public void AWriteErrorForADuplicateKey_NamesTheIndex(string message, string index)
    {
        var exception = new MongoWriteException(Connection, WriteError(11000, message), writeConcernError: null, innerException: null);

        Assert.Equal(index, MongoFaults.DuplicateKeyIndex(exception));
        Assert.False(MongoFaults.IsUnavailable(exception));
    }

    [Fact]
    public void AFailedFindAndModifyForADuplicateKey_NamesTheIndex()
    {
        var exception = new MongoCommandException(Connection, "Command findAndModify failed: E11000 ...", new BsonDocument("findAndModify", "orders"), new BsonDocument
        {
            { "ok", 0 },
            { "errmsg", "E11000 duplicate key error collection: cartkit.orders index: orders_one_paid_per_cart dup key: { cartId: \"c\" }" },
            { "code", 11000 },
            { "codeName", "DuplicateKey" },
        });

        Assert.Equal(MongoIndexes.OrdersOnePaidPerCart, MongoFaults.DuplicateKeyIndex(exception));
        Assert.False(MongoFaults.IsUnavailable(exception));
    }

    [Fact]
    public void OtherWriteErrors_AreNotDuplicateKeys_NorUnavailability()
    {
        var exception = new MongoWriteException(Connection, WriteError(121, "Document failed validation"), writeConcernError: null, innerException: null);

        Assert.Null(MongoFaults.DuplicateKeyIndex(exception));
        Assert.False(MongoFaults.IsUnavailable(exception));
    }

    public static TheoryData<Exception> Unavailable() =>
    [
        new MongoConnectionException(Connection, "An exception occurred while opening a connection to the server."),
        new MongoAuthenticationException(Connection, "Unable to authenticate."),
        new TimeoutException("A timeout occurred after 30000ms selecting a server using CompositeServerSelector."),
        new MongoExecutionTimeoutException(Connection, "Operation exceeded time limit."),
        new MongoWaitQueueFullException("The wait queue for acquiring a connection to server localhost:27017 is full."),
        new MongoConnectionPoolPausedException("The connection pool is in paused state for server localhost:27017."),
        new MongoNotPrimaryException(Connection, new BsonDocument("insert", "carts"), new BsonDocument { { "ok", 0 }, { "code", 10107 }, { "errmsg", "not primary" } }),
        new MongoNodeIsRecoveringException(Connection, new BsonDocument("insert", "carts"), new BsonDocument { { "ok", 0 }, { "code", 11602 }, { "errmsg", "interrupted" } }),
        new MongoCommandException(Connection, "shutting down", new BsonDocument("find", "carts"), new BsonDocument { { "ok", 0 }, { "code", 91 }, { "errmsg", "shutdown in progress" } }),
        new MongoWriteConcernException(Connection, "waiting for replication timed out", new WriteConcernResult(new BsonDocument { { "ok", 1 }, { "code", 64 }, { "errmsg", "waiting for replication timed out" } })),
        new MongoWriteException(Connection, writeError: null, WriteConcernError(64, "waiting for replication timed out"), innerException: null),
    ];

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void AnUnreachableOrFailingOverServer_IsUnavailable(Exception exception)
    {
        Assert.True(MongoFaults.IsUnavailable(exception));

        var wrapped = MongoFaults.Unavailable(exception);
        Assert.Same(exception, wrapped.InnerException);
        Assert.True(wrapped.RetryAfter > TimeSpan.Zero);
    }

    public static TheoryData<Exception> Propagated() =>
    [
        new OperationCanceledException(),
        new TaskCanceledException(),
        new FormatException("An error occurred while deserializing the Status property."),
        new InvalidOperationException(),
        new ArgumentException("bad"),
        new MongoCommandException(Connection, "bad value", new BsonDocument("find", "carts"), new BsonDocument { { "ok", 0 }, { "code", 2 }, { "errmsg", "BadValue" } }),
        new MongoCommandException(Connection, "unauthorized", new BsonDocument("insert", "carts"), new BsonDocument { { "ok", 0 }, { "code", 13 }, { "errmsg", "not authorized" } }),
        new MongoClientException("A client-side misconfiguration."),
    ];

    [Theory]
    [MemberData(nameof(Propagated))]
    public void BugsCancellationAndMisconfiguration_AreNotUnavailability(Exception exception) =>
        Assert.False(MongoFaults.IsUnavailable(exception));

    [Fact]
    public void ALabelledRetryableError_IsUnavailable()
    {
        var exception = new MongoCommandException(Connection, "transient", new BsonDocument("insert", "carts"), new BsonDocument { { "ok", 0 }, { "code", 1 } });
        exception.AddErrorLabel("RetryableWriteError");

        Assert.True(MongoFaults.IsUnavailable(exception));
    }

    // The driver builds these itself from server replies; their constructors are internal.
    private static WriteError WriteError(int code, string message) =>
        (WriteError)Activator.CreateInstance(
            typeof(WriteError),
            BindingFlags.NonPublic | BindingFlags.Instance,
            binder: null,
            [code == 11000 ? ServerErrorCategory.DuplicateKey : ServerErrorCategory.Uncategorized, code, message, new BsonDocument()],
            culture: null)!;

    private static WriteConcernError WriteConcernError(int code, string message) =>
        (WriteConcernError)Activator.CreateInstance(
            typeof(WriteConcernError),
            BindingFlags.NonPublic | BindingFlags.Instance,
            binder: null,
            [code, "WriteConcernFailed", message, new BsonDocument(), Array.Empty<string>()],
            culture: null)!;
}
