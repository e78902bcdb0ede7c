using CartKit.Carts;
using CartKit.Checkout;
using CartKit.Domain;
using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Indexes;
using CartKit.MongoDB.Stores;
using CartKit.Storage;
using CartKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CartKit.MongoDB.Tests;

/// <summary>What only a live server can show: the indexes it ends up with, the documents it stores, a host's start.</summary>
[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoLiveTests : IAsyncLifetime
{
    private readonly MongoStorage _storage = new();

    [StorageFact]
    public async Task CreatingTheIndexesAgain_LeavesExactlyTheNamedSet()
    {
        // A database of its own without the test profile's TTL change, which a second creation would rightly refuse.
        var database = MongoStorage.Client.GetDatabase($"cartkit_test_{Guid.NewGuid():N}");
        try
        {
            var collections = new MongoCollections(database, new MongoStorageOptions());
            await new MongoIndexInitializer(collections).CreateAsync();
            await new MongoIndexInitializer(collections).CreateAsync();

            var carts = await IndexesAsync(collections.Carts);
            var orders = await IndexesAsync(collections.Orders);
            var keys = await IndexesAsync(collections.IdempotencyKeys);

            Assert.Equal(
                new[] { "_id_", "carts_by_session", "carts_by_status_last_activity", "carts_by_user_status", "carts_one_active_per_user_v2" },
                carts.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(new[] { "_id_", "orders_by_cart_created", "orders_one_paid_per_cart", "orders_one_per_cart_version" }, orders.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(new[] { "_id_", "idempotency_keys_expire" }, keys.Keys.Order(StringComparer.Ordinal));
            Assert.True(carts["carts_one_active_per_user_v2"].GetValue("unique", false).ToBoolean());
            Assert.Equal("Active", carts["carts_one_active_per_user_v2"]["partialFilterExpression"]["status"].AsString);
            Assert.True(orders["orders_one_per_cart_version"].GetValue("unique", false).ToBoolean());
            Assert.True(orders["orders_one_paid_per_cart"].GetValue("unique", false).ToBoolean());
            Assert.Equal("Paid", orders["orders_one_paid_per_cart"]["partialFilterExpression"]["status"].AsString);
            Assert.Equal(0, keys["idempotency_keys_expire"]["expireAfterSeconds"].ToInt32());
        }
        finally
        {
            await MongoStorage.Client.DropDatabaseAsync(database.DatabaseNamespace.DatabaseName);
        }
    }

    [StorageFact]
    public async Task StoredDocuments_HaveTheDocumentedTypes()
    {
        var collections = await _storage.CollectionsAsync();
        var cart = Samples.Cart(userId: "user-1", currency: Currency.BHD);
        await new MongoCartRepository(collections).InsertAsync(cart);
        await new MongoOrderRepository(collections).InsertAsync(Samples.Order(cart, OrderStatus.Paid));

        var storedCart = await _storage.Database.GetCollection<BsonDocument>("carts").Find(new BsonDocument("_id", cart.Id)).SingleAsync();
        var storedOrder = await _storage.Database.GetCollection<BsonDocument>("orders").Find(new BsonDocument("cartId", cart.Id)).SingleAsync();

        Assert.Equal(1, storedCart["schemaVersion"].AsInt32);
        Assert.Equal(BsonType.Int64, storedCart["version"].BsonType);
        Assert.Equal("Active", storedCart["status"].AsString);
        Assert.Equal("BHD", storedCart["currency"].AsString);
        Assert.Equal(BsonType.Int64, storedCart["lines"][0]["unitPrice"].BsonType);
        Assert.Equal(cart.LastActivityAt.UtcDateTime, storedCart["lastActivityAt"].ToUniversalTime());
        Assert.Equal("Paid", storedOrder["status"].AsString);
        Assert.Equal(BsonType.Int64, storedOrder["cartVersion"].BsonType);
        Assert.Equal(BsonType.DateTime, storedOrder["paidAt"].BsonType);
    }

    [StorageFact]
    public async Task AHostGivenOnlyAConnectionString_CreatesTheIndexesAtStart_AndServesCheckout()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseMongoStorage(o =>
        {
            o.ConnectionString = MongoStorage.ConnectionString;
            o.DatabaseName = _storage.DatabaseName;
        });
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            var carts = host.Services.GetRequiredService<ICartEngine>();
            var checkout = host.Services.GetRequiredService<ICheckoutEngine>();
            var session = ResultAssert.Success(await carts.CreateSessionAsync()).SessionId;
            ResultAssert.Success(await carts.AddItemAsync(session, "MUG", 1));
            var order = ResultAssert.Success(await checkout.CheckoutAsync(session, "key-1")).Order;

            Assert.Equal(order.Id, (await host.Services.GetRequiredService<IOrderRepository>().GetAsync(order.Id))?.Id);
            Assert.Contains("orders_one_per_cart_version", (await IndexesAsync(_storage.Database.GetCollection<BsonDocument>("orders"))).Keys);
        }
        finally
        {
            await host.StopAsync();
            await MongoStorage.Client.DropDatabaseAsync(_storage.DatabaseName);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();

    private static async Task<Dictionary<string, BsonDocument>> IndexesAsync<T>(IMongoCollection<T> collection)
    {
        var indexes = await (await collection.Indexes.ListAsync()).ToListAsync();
        return indexes.ToDictionary(i => i["name"].AsString, StringComparer.Ordinal);
    }
}
