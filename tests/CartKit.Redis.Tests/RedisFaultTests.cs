using System.Diagnostics;
using System.Diagnostics.Metrics;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Redis.Connection;
using CartKit.Redis.Diagnostics;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CartKit.Redis.Tests;

/// <summary>
/// Redis failing under a running CartKit: killed mid-test, restarted empty, restarted from an old snapshot, or a
/// port that accepts connections and never answers. Each test owns its redis-server process, so it can stop it.
/// </summary>
[Collection(RedisTimingGroup.Name)]
public sealed class RedisFaultTests : IAsyncLifetime
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(200);

    private readonly List<IAsyncDisposable> _disposables = [];
    private readonly MetricsRecorder _metrics = new();
    private RedisServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await RedisServerProcess.StartAsync();
        _disposables.Add(_server);
    }

    [Fact]
    public async Task RedisKilledMidTest_ReadsAndWritesStillSucceed_FromTheSourceOfTruth()
    {
        var kit = NewKit(_server.Endpoint);
        var session = await kit.NewSessionAsync();
        ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(1, _metrics.Sum(RedisCacheMetrics.CacheHits));

        _server.Kill();

        Cart? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
            Assert.Equal(last.Version, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Version);
            await Task.Delay(Backoff / 2);
        }

        Assert.Equal(6, last!.ItemCount);
        var created = ResultAssert.Success(await kit.Carts.CreateSessionAsync());
        ResultAssert.Success(await kit.Carts.AddItemAsync(created.SessionId, "SHIRT", 1));
        Assert.True(_metrics.Sum(RedisCacheMetrics.CacheErrors, (RedisCacheMetrics.EntityTag, "cart")) > 0);
        Assert.True(_metrics.Sum(CartKitMetrics.SessionStoreErrors) > 0);
    }

    [Fact]
    public async Task RedisRestartedEmpty_RestoresSessionsWithinTheirTtl_WithTheirCartsIntact_AndTheCacheRefills()
    {
        var kit = NewKit(_server.Endpoint);
        var sessions = new List<(string Session, Cart Cart)>();
        foreach (var sku in new[] { "MUG", "SHIRT", "CAP" })
        {
            var session = await kit.NewSessionAsync();
            sessions.Add((session, ResultAssert.Success(await kit.Carts.AddItemAsync(session, sku, 2))));
        }

        await _server.RestartAsync();
        kit.Time.Advance(new CartKitOptions().SessionRecheckInterval); // the process asks the session store again
        await using var direct = await ConnectionMultiplexer.ConnectAsync(RedisConnection.CreateConfiguration(_server.Endpoint, TimeSpan.FromSeconds(2)));
        Assert.Equal(0, await direct.GetServer(_server.Endpoint).DatabaseSizeAsync());

        // Every read succeeds throughout; once the connection is back, sessions are restored and the cache refilled.
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var (session, cart) in sessions)
            {
                var read = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
                Assert.Equal(cart.Version, read.Version);
                Assert.Equal(cart.Lines, read.Lines);
            }

            return await direct.GetDatabase().KeyExistsAsync($"{Prefix}s:{sessions[^1].Session}");
        });

        foreach (var (session, cart) in sessions)
        {
            Assert.True(await direct.GetDatabase().KeyExistsAsync($"{Prefix}s:{session}"));
            ResultAssert.Success(await kit.Carts.GetCartAsync(session));
            Assert.True(await direct.GetDatabase().KeyExistsAsync($"{Prefix}c:{cart.Id}"));
        }

        Assert.True(_metrics.Sum(CartKitMetrics.SessionRestores) >= sessions.Count);
    }

    [Fact]
    public async Task ASessionPastItsTtl_StaysExpired_AfterRedisLostIt()
    {
        var kit = NewKit(_server.Endpoint);
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);

        await _server.RestartAsync();
        kit.Time.Advance(TimeSpan.FromMinutes(31));

        ResultAssert.Failure(await kit.Carts.GetCartAsync(session), CartKitErrorCode.SessionNotFound);
        await Task.Delay(Backoff * 3);
        await Eventually.HoldsAsync(async () =>
        {
            ResultAssert.Failure(await kit.Carts.GetCartAsync(session), CartKitErrorCode.SessionNotFound);
            return !kit.Services.GetRequiredService<RedisOutage>().IsDown;
        });
    }

    [Fact]
    public async Task AWriteThatCouldNotRefreshTheCache_IsNeverReadOlder_WhenRedisComesBackWithOldEntries()
    {
        var kit = NewKit(_server.Endpoint);
        var other = NewKit(_server.Endpoint, sharedWith: kit);
        var session = await kit.NewSessionAsync();
        var v2 = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        await _server.SaveAsync(); // the snapshot a failover replica or a restarted node would come back with
        _server.Kill();

        var v3 = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        Assert.Equal(v2.Version + 1, v3.Version);

        await _server.RestartAsync(fromSnapshot: true);
        await using var direct = await ConnectionMultiplexer.ConnectAsync(RedisConnection.CreateConfiguration(_server.Endpoint, TimeSpan.FromSeconds(2)));
        var key = $"{Prefix}c:{v3.Id}";
        Assert.StartsWith($"{v2.Version}:", (string?)await direct.GetDatabase().StringGetAsync(key), StringComparison.Ordinal);

        // This process acknowledged v3: from the moment Redis is back with v2 in it, it must never answer v2.
        await Eventually.HoldsAsync(async () =>
        {
            Assert.Equal(v3.Version, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Version);
            var cached = (string?)await direct.GetDatabase().StringGetAsync(key);
            return cached is null || cached.StartsWith($"{v3.Version}:", StringComparison.Ordinal);
        });

        // The stale entry is gone, so the other process reads the acknowledged version too.
        Assert.Equal(v3.Version, ResultAssert.Success(await other.Carts.GetCartAsync(session)).Version);
    }

    [Fact]
    public async Task ARedisThatAcceptsButNeverAnswers_CostsRequestsAtMostTheConfiguredBound()
    {
        using var blackhole = new RedisBlackhole();
        var kit = NewKit(blackhole.Endpoint);

        // The bound: a request waits at most for the connection attempt and one command timeout (both
        // OperationTimeout) before answering from the source of truth; then Redis is skipped during the back-off.
        var bound = (2 * OperationTimeout) + TimeSpan.FromSeconds(1);
        var clock = Stopwatch.StartNew();
        var session = ResultAssert.Success(await kit.Carts.CreateSessionAsync()).SessionId;
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, bound);

        for (var i = 0; i < 10; i++)
        {
            clock.Restart();
            ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
            ResultAssert.Success(await kit.Carts.GetCartAsync(session));
            await using (await kit.Services.GetRequiredService<CartKit.Checkout.ICheckoutLock>().AcquireAsync(ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Id, default))
            {
            }

            Assert.InRange(clock.Elapsed, TimeSpan.Zero, bound);
            await Task.Delay(Backoff);
        }

        Assert.Equal(10, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).ItemCount);
        Assert.True(blackhole.Accepted > 0);
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables))
        {
            await disposable.DisposeAsync();
        }

        _metrics.Dispose();
    }

    private const string Prefix = "cartkit:";

    private CartKitHarness NewKit(string endpoint, CartKitHarness? sharedWith = null)
    {
        var kit = sharedWith?.StartAnotherInstance() ?? CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.Services.AddSingleton<IMeterFactory>(_metrics);
            b.UseRedis(o =>
            {
                o.Configuration = endpoint;
                o.OperationTimeout = OperationTimeout;
                o.FailureBackoff = Backoff;
            });
        });
        _disposables.Add(kit);
        return kit;
    }

    // Polls until the check returns true (each pass may assert), for at most 20 seconds.
}

/// <summary>Tests that measure time or allocations run alone, after the parallel ones, so other tests cannot skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisTimingGroup
{
    public const string Name = "Redis timing and allocations";
}
