using CartKit.Inventory;
using CartKit.MongoDB.Stores;
using CartKit.Storage;
using CartKit.Testing;
using CartKit.Testing.Storage;

namespace CartKit.MongoDB.Tests;

// The repository contract suites against a live MongoDB: the same rules the in-memory stores prove, enforced here by
// MongoDB's indexes and filtered writes. Each test runs in a database of its own, dropped afterwards.
[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoCartRepositoryTests : CartRepositoryContractTests, IAsyncLifetime
{
    private readonly MongoStorage _storage = new();

    protected override async Task<ICartRepository> CreateRepositoryAsync() => new MongoCartRepository(await _storage.CollectionsAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();
}

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoOrderRepositoryTests : OrderRepositoryContractTests, IAsyncLifetime
{
    private readonly MongoStorage _storage = new();

    protected override async Task<IOrderRepository> CreateRepositoryAsync() => new MongoOrderRepository(await _storage.CollectionsAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();
}

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoIdempotencyKeyStoreTests : IdempotencyKeyStoreContractTests, IAsyncLifetime
{
    private readonly MongoStorage _storage = new();

    protected override async Task<IIdempotencyKeyStore> CreateStoreAsync() => new MongoIdempotencyKeyStore(await _storage.CollectionsAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();
}

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoInventoryTests : InventoryContractTests, IAsyncLifetime
{
    private readonly MongoStorage _storage = new();

    protected override async Task<IInventory> CreateInventoryAsync(IReadOnlyDictionary<string, long> stock)
    {
        var inventory = new MongoInventory(await _storage.CollectionsAsync());
        foreach (var (sku, units) in stock)
        {
            await inventory.SetAvailableAsync(sku, units);
        }

        return inventory;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();
}

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoOrderEventOutboxTests : OrderEventOutboxContractTests, IAsyncLifetime
{
    private readonly MongoStorage _storage = new();

    protected override async Task<IOrderRepository> CreateRepositoryAsync() => new MongoOrderRepository(await _storage.CollectionsAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();
}
