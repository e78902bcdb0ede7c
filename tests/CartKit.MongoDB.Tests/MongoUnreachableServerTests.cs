using CartKit.Domain;
using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Indexes;
using CartKit.MongoDB.Stores;
using CartKit.Storage;
using CartKit.Testing;
using MongoDB.Driver;

namespace CartKit.MongoDB.Tests;

/// <summary>
/// Every store operation against a MongoDB that cannot be reached (a closed loopback port, short timeouts) fails
/// with <see cref="StoreUnavailableException"/> carrying the driver's error, which the HTTP layer answers with 503;
/// input the store refuses is still refused as a bug, before any round trip.
/// </summary>
public sealed class MongoUnreachableServerTests : IDisposable
{
    private readonly MongoClient _client = new(MongoClientSettings.FromConnectionString(
        "mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=150&connectTimeoutMS=150"));

    private readonly MongoCollections _collections;

    public MongoUnreachableServerTests() => _collections = new MongoCollections(_client.GetDatabase("cartkit_unreachable"), new MongoStorageOptions());

    public static TheoryData<string> Operations() =>
    [
        "carts.Get", "carts.FindActiveBySession", "carts.FindActiveByUser", "carts.Insert", "carts.Replace", "carts.FindInactive",
        "orders.Get", "orders.FindByCartVersion", "orders.ListByCart", "orders.Insert", "orders.SupersedePending", "orders.MarkPaid", "orders.Close", "orders.RecordPaymentConflict",
        "keys.TryClaim", "keys.Complete", "keys.Release",
        "indexes.Create",
    ];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task EveryOperation_OnAnUnreachableServer_IsStoreUnavailable(string operation)
    {
        var carts = new MongoCartRepository(_collections);
        var orders = new MongoOrderRepository(_collections);
        var keys = new MongoIdempotencyKeyStore(_collections);
        var cart = Samples.Cart();
        var order = Samples.Order(cart);
        var claim = new IdempotencyRecord("key-1", cart.Id, "token", null, Samples.T0.AddSeconds(30), Samples.T0.AddDays(1));
        Func<Task> call = operation switch
        {
            "carts.Get" => async () => await carts.GetAsync(cart.Id),
            "carts.FindActiveBySession" => async () => await carts.FindActiveBySessionAsync(cart.Owner.SessionId),
            "carts.FindActiveByUser" => async () => await carts.FindActiveByUserAsync("user-1"),
            "carts.Insert" => async () => await carts.InsertAsync(cart),
            "carts.Replace" => async () => await carts.ReplaceAsync(Samples.Next(cart), cart.Version),
            "carts.FindInactive" => async () => await carts.FindInactiveAsync(Samples.T0, 10),
            "orders.Get" => async () => await orders.GetAsync(order.Id),
            "orders.FindByCartVersion" => async () => await orders.FindByCartVersionAsync(cart.Id, 1),
            "orders.ListByCart" => async () => await orders.ListByCartAsync(cart.Id),
            "orders.Insert" => async () => await orders.InsertAsync(order),
            "orders.SupersedePending" => async () => await orders.SupersedePendingAsync(cart.Id, 2, Samples.T0),
            "orders.MarkPaid" => async () => await orders.MarkPaidAsync(order.Id, "pi_1", Samples.T0),
            "orders.Close" => async () => await orders.CloseAsync(order.Id, OrderStatus.Cancelled, Samples.T0),
            "orders.RecordPaymentConflict" => async () => await orders.RecordPaymentConflictAsync(order.Id, "pi_1", Samples.T0),
            "keys.TryClaim" => async () => await keys.TryClaimAsync(claim, Samples.T0),
            "keys.Complete" => async () => await keys.CompleteAsync(claim.Key, claim.ClaimToken, order.Id),
            "keys.Release" => async () => await keys.ReleaseAsync(claim.Key, claim.ClaimToken),
            "indexes.Create" => () => new MongoIndexInitializer(_collections).CreateAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(call);

        Assert.IsType<TimeoutException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task InputTheStoreRefuses_IsRefusedBeforeAnyRoundTrip()
    {
        var carts = new MongoCartRepository(_collections);
        var cart = Samples.Cart();

        await Assert.ThrowsAsync<ArgumentException>(async () => await carts.ReplaceAsync(cart with { Version = 3 }, 1));
        await Assert.ThrowsAsync<ArgumentException>(async () => await carts.FindInactiveAsync(Samples.T0, 10, "not-a-token"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await carts.FindInactiveAsync(Samples.T0, 0));
    }

    public void Dispose() => _client.Dispose();
}
