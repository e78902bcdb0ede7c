using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Indexes;
using CartKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CartKit.MongoDB.Tests;

/// <summary>
/// The live MongoDB named by <c>CARTKIT_TEST_MONGO</c>: a database of its own per test (<c>cartkit_test_&lt;guid&gt;</c>),
/// with CartKit's indexes, dropped when the test is disposed. Classes using it carry
/// <c>[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]</c>, so without a server they are reported
/// as skipped, and nothing here connects.
/// </summary>
public sealed class MongoStorage : StorageProfile
{
    public const string Variable = "CARTKIT_TEST_MONGO";
    public const string Reason = "set it to a MongoDB connection string to run the live MongoDB suites";

    // One client for the whole run, as the driver advises; each test still gets a database of its own.
    private static readonly Lazy<MongoClient> SharedClient = new(() => new MongoClient(ConnectionString));

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _prepared;

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException($"{Variable} is not set; the class needs [RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)].");

    public static IMongoClient Client => SharedClient.Value;

    public string DatabaseName { get; } = $"cartkit_test_{Guid.NewGuid():N}";

    public IMongoDatabase Database => Client.GetDatabase(DatabaseName);

    public override void Configure(ICartKitBuilder builder)
    {
        // The harness has no host to start the index service, so the indexes are made here, once per database.
        // Configure is synchronous; Task.Run keeps the wait off xUnit's synchronization context.
        Task.Run(PrepareAsync).GetAwaiter().GetResult();
        builder.Services.AddSingleton(Database);
        builder.UseMongoStorage(o => o.CreateIndexesOnStartup = false);
    }

    internal async Task<MongoCollections> CollectionsAsync()
    {
        await PrepareAsync();
        return new MongoCollections(Database, new MongoStorageOptions());
    }

    public override async ValueTask DisposeAsync()
    {
        if (_prepared)
        {
            await Client.DropDatabaseAsync(DatabaseName);
        }

        _gate.Dispose();
        await base.DisposeAsync();
    }

    private async Task PrepareAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_prepared)
            {
                return;
            }

            _prepared = true;
            await new MongoIndexInitializer(new MongoCollections(Database, new MongoStorageOptions())).CreateAsync();

            // The tests run on a fake clock fixed in November 2026, while MongoDB's TTL monitor deletes expired keys by
            // the server's clock; once real time passes the fake one it would delete keys mid-test. Push expiry far out
            // in these throwaway databases only.
            await Database.RunCommandAsync<BsonDocument>(new BsonDocument
            {
                { "collMod", new MongoStorageOptions().IdempotencyKeysCollectionName },
                { "index", new BsonDocument { { "name", MongoIndexes.IdempotencyKeysExpiry }, { "expireAfterSeconds", (long)TimeSpan.FromDays(3650).TotalSeconds } } },
            });
        }
        finally
        {
            _gate.Release();
        }
    }
}
