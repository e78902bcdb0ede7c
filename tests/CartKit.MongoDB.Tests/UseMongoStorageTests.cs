using CartKit.Caching;
using CartKit.Catalog;
using CartKit.Domain;
using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Indexes;
using CartKit.MongoDB.Stores;
using CartKit.Storage;
using CartKit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace CartKit.MongoDB.Tests;

/// <summary>
/// Registration, offline: where the database comes from, what is validated at start, and that index creation runs
/// (or not) when the host starts. Nothing here reaches a server; the client points at a closed loopback port.
/// </summary>
public sealed class UseMongoStorageTests : IDisposable
{
    private const string Unreachable = "mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=150&connectTimeoutMS=150";
    private static readonly CatalogProduct[] Products = [TestCatalog.Mug];

    private readonly MongoClient _hostClient = new(MongoClientSettings.FromConnectionString(Unreachable));

    [Fact]
    public void WithTheHostsDatabase_MongoBecomesTheSourceOfTruth_ForCartsOrdersAndKeys()
    {
        var database = _hostClient.GetDatabase("shop");
        var services = Services();
        services.AddSingleton(database);
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<MongoCartRepository>(provider.GetRequiredKeyedService<ICartRepository>(CartKitServiceKeys.SourceOfTruth));
        Assert.IsType<MongoOrderRepository>(provider.GetRequiredKeyedService<IOrderRepository>(CartKitServiceKeys.SourceOfTruth));
        Assert.IsType<MongoIdempotencyKeyStore>(provider.GetRequiredService<IIdempotencyKeyStore>());
        var collections = provider.GetRequiredService<MongoCollections>();
        Assert.Same(database, collections.Carts.Database);
        Assert.Equal(["carts", "orders", "idempotencyKeys"], CollectionNames(collections));
        Assert.Equal(WriteConcern.WMajority, collections.Orders.Settings.WriteConcern);
        Assert.Equal(ReadPreference.Primary, collections.Carts.Settings.ReadPreference);
    }

    [Fact]
    public void WithACache_TheMongoStoresAreStillServedCacheAside()
    {
        var services = Services();
        services.AddSingleton(_hostClient.GetDatabase("shop"));
        services.AddSingleton<ICartCache, NoCache>();
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<CachedCartRepository>(provider.GetRequiredService<ICartRepository>());
        Assert.IsType<CachedOrderRepository>(provider.GetRequiredService<IOrderRepository>());
    }

    [Fact]
    public void AKeyedClient_AsAspireRegistersIt_IsUsedWhenServiceKeyNamesIt_AndTheUnkeyedOneIsNot()
    {
        using var unkeyed = new MongoClient("mongodb://127.0.0.1:2/");
        var services = Services();
        services.AddSingleton<IMongoClient>(unkeyed);
        services.AddKeyedSingleton<IMongoClient>("carts", _hostClient);
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(o => o.ServiceKey = "carts");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var collections = provider.GetRequiredService<MongoCollections>();

        Assert.Same(_hostClient, collections.Carts.Database.Client);
    }

    [Fact]
    public void AServiceKeyWithNothingRegisteredUnderIt_FailsAtStart_NamingTheKey()
    {
        var services = Services();
        services.AddSingleton<IMongoClient>(_hostClient);
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(o => o.ServiceKey = "orders");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("no IMongoDatabase or IMongoClient is registered under that key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'orders'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheHostsClient_TheDatabaseAndCollectionsAreTheConfiguredOnes()
    {
        var services = Services();
        services.AddSingleton<IMongoClient>(_hostClient);
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(o =>
        {
            o.DatabaseName = "shop";
            o.CartsCollectionName = "shop.carts";
            o.OrdersCollectionName = "shop.orders";
            o.IdempotencyKeysCollectionName = "shop.keys";
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var collections = provider.GetRequiredService<MongoCollections>();

        Assert.Same(_hostClient, collections.Carts.Database.Client);
        Assert.Equal("shop", collections.Carts.Database.DatabaseNamespace.DatabaseName);
        Assert.Equal(["shop.carts", "shop.orders", "shop.keys"], CollectionNames(collections));
    }

    [Fact]
    public void AConnectionString_BuildsOneClient_WithRetryableWritesOn()
    {
        var services = Services();
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(o => o.ConnectionString = Unreachable);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var database = provider.GetRequiredService<MongoCollections>().Carts.Database;

        Assert.Equal("cartkit", database.DatabaseNamespace.DatabaseName);
        Assert.True(database.Client.Settings.RetryWrites);
        Assert.True(database.Client.Settings.RetryReads);
        Assert.Same(database.Client, provider.GetRequiredService<MongoDatabaseSource>().Database.Client);
    }

    // Amazon DocumentDB refuses every write of a client that asks for retryable writes; its connection strings (the
    // Terraform's included) turn them off, and CartKit must not turn them back on.
    [Fact]
    public void AConnectionStringThatTurnsRetryableWritesOff_IsFollowed()
    {
        var services = Services();
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(o => o.ConnectionString = Unreachable + "&retryWrites=false");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var database = provider.GetRequiredService<MongoCollections>().Carts.Database;

        Assert.False(database.Client.Settings.RetryWrites);
        Assert.True(database.Client.Settings.RetryReads);
    }

    [Fact]
    public void TheMongoConnectionString_FromConfiguration_IsUsedWhenNothingElseIsGiven()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:Mongo", "mongodb://cartkit-db.internal:27018/?serverSelectionTimeoutMS=150")]);
        builder.Services.AddLogging();
        builder.Services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage();
        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var client = host.Services.GetRequiredService<MongoCollections>().Carts.Database.Client;

        Assert.Equal("cartkit-db.internal", client.Settings.Server.Host);
        Assert.Equal(27018, client.Settings.Server.Port);
    }

    [Fact]
    public void WithNoDatabaseAtAll_TheHostFailsAtStart_SayingHowToGiveOne()
    {
        var services = Services();
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(error.Failures);
        Assert.Contains("no MongoDB database", failure, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Mongo", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AConnectionStringAndTheHostsClient_AreRefused_RatherThanOneSilentlyIgnored()
    {
        var services = Services();
        services.AddSingleton<IMongoClient>(_hostClient);
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(o => o.ConnectionString = Unreachable);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("also registers an IMongoClient", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void BadOptions_AreAllListedAtStart_WithoutRepeatingTheConnectionString()
    {
        var services = Services();
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(o =>
        {
            o.ConnectionString = "mongodb://admin:s3cr3t-p4ss@host:notaport";
            o.DatabaseName = "shop.prod";
            o.CartsCollectionName = "system.carts";
            o.OrdersCollectionName = "orders";
            o.IdempotencyKeysCollectionName = "orders";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("ConnectionString is not a valid MongoDB connection string", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("DatabaseName 'shop.prod'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("CartsCollectionName 'system.carts'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("must be different collections", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtStart_TheIndexesAreCreated_SoAnUnreachableServerStopsTheStart()
    {
        using var host = StartableHost(o => o.ConnectionString = Unreachable);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => host.StartAsync());
    }

    [Fact]
    public async Task WithIndexCreationAtStartOff_TheHostStarts_AndTheIndexesCanBeCreatedExplicitly()
    {
        using var host = StartableHost(o =>
        {
            o.ConnectionString = Unreachable;
            o.CreateIndexesOnStartup = false;
        });

        await host.StartAsync();
        var indexes = host.Services.GetRequiredService<ICartKitMongoIndexes>();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => indexes.CreateAsync());
        await host.StopAsync();
    }

    [Fact]
    public void CallingUseMongoStorageTwice_IsHarmless_AndTheLaterSettingsApply()
    {
        var services = Services();
        services.AddSingleton(_hostClient.GetDatabase("shop"));
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(o => o.CartsCollectionName = "first").UseMongoStorage(o => o.CartsCollectionName = "second");
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MongoIndexHostedService));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<MongoStorageOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(ICartRepository) && d.IsKeyedService);
        Assert.Equal("second", provider.GetRequiredService<MongoCollections>().Carts.CollectionNamespace.CollectionName);
    }

    [Fact]
    public void InMemoryStorageChosenAfterMongo_ReplacesIt()
    {
        var services = Services();
        services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage().UseInMemoryStorage();
        using var provider = services.BuildServiceProvider();

        Assert.IsNotType<MongoCartRepository>(provider.GetRequiredKeyedService<ICartRepository>(CartKitServiceKeys.SourceOfTruth));
        Assert.IsNotType<MongoIdempotencyKeyStore>(provider.GetRequiredService<IIdempotencyKeyStore>());
    }

    public void Dispose() => _hostClient.Dispose();

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        return services;
    }

    private static IHost StartableHost(Action<MongoStorageOptions> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddCartKit().UseInMemoryCatalog(Products).UseMongoStorage(configure);
        return builder.Build();
    }

    private static string[] CollectionNames(MongoCollections collections) =>
    [
        collections.Carts.CollectionNamespace.CollectionName,
        collections.Orders.CollectionNamespace.CollectionName,
        collections.IdempotencyKeys.CollectionNamespace.CollectionName,
    ];

    private sealed class NoCache : ICartCache
    {
        public ValueTask<CartCacheRead> GetCartAsync(string cartId, CancellationToken cancellationToken) => ValueTask.FromResult(CartCacheRead.Miss());

        public ValueTask SetCartAsync(Cart cart, string repopulateTicket, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask CartWrittenAsync(Cart cart, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken) => ValueTask.FromResult<Order?>(null);

        public ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
