using CartKit.Caching;
using CartKit.Carts;
using CartKit.Catalog;
using CartKit.Checkout;
using CartKit.Domain;
using CartKit.Redis.Caching;
using CartKit.Sessions;
using CartKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CartKit.Benchmarks.Infrastructure;

/// <summary>
/// CartKit as a host would run it: <c>AddCartKit().UseRedis()</c> on a real Redis, with MongoDB as the source of truth
/// when <c>CARTKIT_BENCH_MONGO</c> holds a connection string and the in-memory store otherwise. The host registers the
/// multiplexer, so CartKit and the raw baselines share one connection (and one command order).
/// </summary>
internal sealed class BenchStack : IAsyncDisposable
{
    public const string MongoVariable = "CARTKIT_BENCH_MONGO";

    private readonly ServiceProvider _services;

    private BenchStack(ServiceProvider services, ConnectionMultiplexer redis, string prefix)
    {
        _services = services;
        Redis = redis;
        Database = redis.GetDatabase();
        Prefix = prefix;
        Carts = services.GetRequiredService<ICartEngine>();
        Checkout = services.GetRequiredService<ICheckoutEngine>();
        Sessions = services.GetRequiredService<ISessionStore<CartSession>>();
        Repository = services.GetRequiredService<ICartRepository>();
        DecodedCarts = ((RedisCartCache)services.GetRequiredService<ICartCache>()).Decoded;
        Reuse = services.GetRequiredService<ReuseTables>();
    }

    /// <summary>Which store answers a cache miss: shown in every report as the <c>SourceOfTruth</c> parameter.</summary>
    public static string SourceOfTruth => Environment.GetEnvironmentVariable(MongoVariable) is { Length: > 0 } ? "MongoDB" : "InMemory";

    public static IReadOnlyList<CatalogProduct> Products { get; } = Enumerable.Range(0, 200)
        .Select(i => new CatalogProduct($"SKU-{i:D4}", $"Benchmark product {i}", new Money(499 + (i * 37 % 9_000), Currency.USD)))
        .ToArray();

    public ConnectionMultiplexer Redis { get; }

    public IDatabase Database { get; }

    public string Prefix { get; }

    public ICartEngine Carts { get; }

    public ICheckoutEngine Checkout { get; }

    public ISessionStore<CartSession> Sessions { get; }

    /// <summary>The cart repository as the engines read it: the cache-aside decorator over the source of truth.</summary>
    public ICartRepository Repository { get; }

    /// <summary>The cache's table of decoded carts, whose reuse a benchmark turns off to measure a first read.</summary>
    public DecodedCarts DecodedCarts { get; }

    /// <summary>
    /// The process's reuse tables; the raw floors parse with its string table, as CartKit's own decode does, so they
    /// measure the same parse.
    /// </summary>
    public ReuseTables Reuse { get; }

    public RedisKey SessionKey(string sessionId) => $"{Prefix}s:{sessionId}";

    public RedisKey CartKey(string cartId) => $"{Prefix}c:{cartId}";

    public static BenchStack Create(int maxQuantityPerLine = 99)
    {
        var redis = BenchRedis.Connect();

        // A prefix per process: BenchmarkDotNet runs each case in its own process against the same server.
        var prefix = $"b{Guid.NewGuid():N}"[..9] + ":";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConnectionMultiplexer>(redis);
        services.Configure<SessionStoreOptions<CartSession>>(o => o.Prefix = prefix + "s:");
        var cartKit = services.AddCartKit(o =>
            {
                o.MaxQuantityPerLine = maxQuantityPerLine;
                o.MaxLinesPerCart = 1_000;

                // Every read asks the session store, the costlier path: the reports' figures are for that path, and a
                // benchmark iteration re-reading one session within a second would otherwise measure the other.
                o.SessionRecheckInterval = TimeSpan.Zero;
            })
            .UseInMemoryCatalog(Products)
            .UseRedis(o => o.KeyPrefix = prefix);
        if (Environment.GetEnvironmentVariable(MongoVariable) is { Length: > 0 } mongo)
        {
            cartKit.UseMongoStorage(o =>
            {
                o.ConnectionString = mongo;
                o.DatabaseName = "cartkit_bench_" + prefix.TrimEnd(':');
            });
        }

        return new BenchStack(services.BuildServiceProvider(), redis, prefix);
    }

    /// <summary>A new session whose cart holds <paramref name="lines"/> distinct lines; the cart is cached (a write refreshes it).</summary>
    public Task<(string SessionId, Cart Cart)> NewCartAsync(int lines) => NewCartAsync(Carts, lines);

    /// <summary>As <see cref="NewCartAsync(int)"/>, through an engine of another host (on the same catalog).</summary>
    public static async Task<(string SessionId, Cart Cart)> NewCartAsync(ICartEngine carts, int lines)
    {
        var created = Require(await carts.CreateSessionAsync());
        var cart = created.Cart;
        for (var i = 0; i < lines; i++)
        {
            cart = Require(await carts.AddItemAsync(created.SessionId, Products[i % Products.Count].Sku, 1 + (i % 3)));
        }

        return (created.SessionId, cart);
    }

    public static T Require<T>(CartKitResult<T> result)
        where T : notnull =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Benchmark setup failed: {result}");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
