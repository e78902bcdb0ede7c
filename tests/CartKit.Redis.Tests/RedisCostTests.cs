using CartKit.Caching;
using CartKit.Catalog;
using CartKit.Domain;
using CartKit.Redis.Caching;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.Testing.Engines;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;
using Xunit.Abstractions;

namespace CartKit.Redis.Tests;

/// <summary>
/// What a request costs in Redis: the commands it sends (each one a round trip, except a warm read's session lookup
/// and cart read, which go out together; a miss's SET is the repopulate ticket) counted by StackExchange.Redis's
/// profiler on a connection only this test uses, and the bytes a warm cache-hit read allocates. Both run alone (non-parallel collection) so other tests cannot add to the counts.
/// </summary>
[Collection(RedisTimingGroup.Name)]
public sealed class RedisCostTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private readonly string _prefix = SharedRedis.NewPrefix();
    private ConnectionMultiplexer _multiplexer = null!;
    private CartKitHarness _kit = null!;
    private ProfilingSession? _profiling;

    public RedisCostTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _multiplexer = await ConnectionMultiplexer.ConnectAsync(RedisConnection(SharedRedis.Endpoint));
        _multiplexer.RegisterProfiler(() => _profiling);
        _kit = Kit();
        for (var i = 0; i < 10; i++)
        {
            _kit.Catalog.Add(new CatalogProduct($"SKU-{i}", $"Product number {i}", new Money(100 + i, Currency.USD)));
        }
    }

    // Within SessionRecheckInterval (the default, 1 s: the harness's clock stands still) a session this process has just
    // confirmed is not asked for again; with it at zero, every request asks the session store (GETEX) first.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RoundTrips_PerOperation_AreWithinTheBudget(bool rechecksLocally)
    {
        await _kit.DisposeAsync();
        _kit = Kit(rechecksLocally);
        for (var i = 0; i < 10; i++)
        {
            _kit.Catalog.Add(new CatalogProduct($"SKU-{i}", $"Product number {i}", new Money(100 + i, Currency.USD)));
        }

        var session = await _kit.NewSessionAsync();
        await _kit.Carts.AddItemAsync(session, "MUG", 1);
        await _kit.Carts.GetCartAsync(session);

        var create = await CommandsAsync(() => _kit.Carts.CreateSessionAsync().AsTask());
        var hit = await CommandsAsync(() => _kit.Carts.GetCartAsync(session).AsTask());
        var add = await CommandsAsync(() => _kit.Carts.AddItemAsync(session, "MUG", 1).AsTask());
        var mug = ResultAssert.Success(await _kit.Carts.GetCartAsync(session)).Lines.Single().ItemId;
        var setQuantity = await CommandsAsync(() => _kit.Carts.SetQuantityAsync(session, mug, 3).AsTask());
        var sku1 = ResultAssert.Success(await _kit.Carts.AddItemAsync(session, "SKU-1", 1)).Lines.Single(l => l.Sku == "SKU-1").ItemId;
        var remove = await CommandsAsync(() => _kit.Carts.RemoveItemAsync(session, sku1).AsTask());
        var other = await _kit.NewSessionAsync();
        await _kit.Carts.AddItemAsync(other, "MUG", 1);
        var clear = await CommandsAsync(() => _kit.Carts.ClearAsync(other).AsTask());
        var cartId = ResultAssert.Success(await _kit.Carts.GetCartAsync(session)).Id;
        await SharedRedis.Multiplexer.GetDatabase().KeyDeleteAsync(_prefix + "c:" + cartId);
        var miss = await CommandsAsync(() => _kit.Carts.GetCartAsync(session).AsTask());
        var checkout = await CommandsAsync(() => _kit.Checkout.CheckoutAsync(session).AsTask());
        var replayed = await CommandsAsync(() => _kit.Checkout.CheckoutAsync(session).AsTask());
        var order = ResultAssert.Success(await _kit.Checkout.CheckoutAsync(session)).Order;
        var orderId = order.Id;
        var confirm = await CommandsAsync(() => _kit.Checkout.PayAsync(order, "pi_1").AsTask());
        var getOrder = await CommandsAsync(() => _kit.Checkout.GetOrderAsync(orderId).AsTask());

        _output.WriteLine($"hit {string.Join(' ', hit)}; add {string.Join(' ', add)}; miss {string.Join(' ', miss)}; checkout {string.Join(' ', checkout)}; replayed {string.Join(' ', replayed)}");
        if (rechecksLocally)
        {
            Assert.Equal(["GET"], hit);
            Assert.Equal(["EVAL"], add);
            Assert.Equal(["EVAL"], setQuantity);
            Assert.Equal(["EVAL"], remove);
            Assert.Equal(["EVAL"], clear);
            Assert.Equal(["GET", "SET", "EVAL"], miss);
            Assert.Equal(["SET", "EVAL"], create);
            Assert.Equal(["GET", "SET", "GET", "EVAL"], checkout);
            Assert.Equal(["GET", "SET", "GET", "EVAL"], replayed);
            Assert.Equal(["GET", "SETEX", "EVAL"], confirm);
            Assert.Equal(["GET"], getOrder);
            return;
        }

        Assert.Equal(["GET", "GETEX"], hit);
        Assert.Equal(["GETEX", "EVAL"], add);
        Assert.Equal(["GETEX", "EVAL"], setQuantity);
        Assert.Equal(["GETEX", "EVAL"], remove);
        Assert.Equal(["GETEX", "EVAL"], clear);
        // The warm session's read ahead finds nothing, so the ordinary read asks again and places the ticket: five
        // commands, four round trips (the first two leave together).
        Assert.Equal(["GET", "GETEX", "GET", "SET", "EVAL"], miss);
        Assert.Equal(["SET", "EVAL"], create);
        // Checkout reads the cart again under the checkout lock (a cache hit), since it may have changed since resolving.
        Assert.Equal(["GET", "GETEX", "SET", "GET", "EVAL"], checkout);
        Assert.Equal(["GET", "GETEX", "SET", "GET", "EVAL"], replayed);
        // The order (a miss: pending orders are never cached), the paid order cached, the completed cart written.
        Assert.Equal(["GET", "SETEX", "EVAL"], confirm);
        Assert.Equal(["GET"], getOrder);
    }

    [Fact]
    public async Task AWarmRead_SendsTheCartReadAndTheSessionLookupTogether_OneRoundTrip()
    {
        var session = await _kit.NewSessionAsync();
        await _kit.Carts.AddItemAsync(session, "SKU-1", 1);

        // Another process has never seen this session: its first read waits for the session before it reads the cart,
        // and learns which cart the session names. Its next read sends both at once.
        await using var other = Kit();
        var first = await ProfileAsync(() => other.Carts.GetCartAsync(session).AsTask());
        var warm = await ProfileAsync(() => other.Carts.GetCartAsync(session).AsTask());

        Assert.Equal(["GETEX", "GET"], first.Select(c => c.Command));
        Assert.True(first[1].CommandCreated >= Completed(first[0]), "a first read waits for the session before it reads the cart");

        // Warm: the cart read leaves first, and the session lookup follows before the cart has answered.
        Assert.Equal(["GET", "GETEX"], warm.Select(c => c.Command));
        Assert.True(warm[1].CommandCreated < Completed(warm[0]), "a warm read sends the session lookup before the cart read answers");

        static DateTime Completed(IProfiledCommand command) => command.CommandCreated + command.ElapsedTime;
    }

    [Fact]
    public async Task ASessionConfirmedWithinTheRecheckInterval_IsNotAskedForAgain_UntilTheIntervalHasPassed()
    {
        await using var kit = Kit(rechecksLocally: true);
        kit.Catalog.Add(new CatalogProduct("SKU-1", "Product number 1", new Money(101, Currency.USD)));
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "SKU-1", 1);

        var confirmed = await ProfileAsync(() => kit.Carts.GetCartAsync(session).AsTask());
        kit.Time.Advance(new CartKitOptions().SessionRecheckInterval);
        var rechecked = await ProfileAsync(() => kit.Carts.GetCartAsync(session).AsTask());
        var confirmedAgain = await ProfileAsync(() => kit.Carts.GetCartAsync(session).AsTask());

        Assert.Equal(["GET"], confirmed.Select(c => c.Command));
        Assert.Equal(["GET", "GETEX"], rechecked.Select(c => c.Command));
        Assert.True(rechecked[1].CommandCreated < rechecked[0].CommandCreated + rechecked[0].ElapsedTime, "the recheck leaves with the cart read");
        Assert.Equal(["GET"], confirmedAgain.Select(c => c.Command));
    }

    // Both hits count: one on an entry this process decoded before (the snapshot is reused) and one on an entry it has
    // not (as after another process changed the cart), measured with the reuse off so every read decodes.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AWarmCacheHitRead_OfATenLineCart_AllocatesLessThan4KB(bool entryDecodedBefore)
    {
        var session = await _kit.NewSessionAsync();
        for (var i = 0; i < 10; i++)
        {
            ResultAssert.Success(await _kit.Carts.AddItemAsync(session, $"SKU-{i}", 1));
        }

        ((RedisCartCache)_kit.Services.GetRequiredService<ICartCache>()).Decoded.Reuse = entryDecodedBefore;
        var engine = _kit.Carts;

        // Warm: JIT, connection, pools, and the cache of sku and name strings (a shop's carts share its catalog).
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(10, ResultAssert.Success(await engine.GetCartAsync(session)).Lines.Count);
        }

        // GetAllocatedBytesForCurrentThread would miss everything after the first await (continuations run on
        // StackExchange.Redis's and the pool's threads), so the process-wide precise count is measured instead, in a
        // collection that runs alone. It includes every allocation in the process during the reads: the whole engine
        // path (session GETEX and its JSON, the SessionEntry, the cart GET lease and the Cart with its lines and item
        // ids), the Redis client's own per-command objects, and any background work (heartbeats): an upper bound.
        const int Reads = 500;
        var perRead = long.MaxValue;
        for (var batch = 0; batch < 5; batch++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Reads; i++)
            {
                await engine.GetCartAsync(session);
            }

            var total = (GC.GetTotalAllocatedBytes(precise: true) - before) / Reads;
            _output.WriteLine($"batch {batch}: {total} B per read");
            perRead = Math.Min(perRead, total);
        }

        _output.WriteLine($"best batch: {perRead} B per cache-hit read");
        Assert.InRange(perRead, 1, 4096);
    }

    // A CartKit process on this test's connection and keys; two of them share Redis as two instances would (the
    // in-memory source of truth is each one's own, so a second one only reads what Redis holds).
    private CartKitHarness Kit(bool rechecksLocally = false) => CartKitHarness.Create(b =>
    {
        b.Services.Configure<CartKitOptions>(o => o.SessionRecheckInterval = rechecksLocally ? o.SessionRecheckInterval : TimeSpan.Zero);
        b.UseInMemoryStorage();
        b.Services.AddSingleton<IConnectionMultiplexer>(_multiplexer);
        b.UseRedis(o => o.KeyPrefix = _prefix);
        b.Services.AddSessionStore<CartSession>(o => o.Prefix = _prefix + "s:");
    });

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _multiplexer.DisposeAsync();
    }

    private static ConfigurationOptions RedisConnection(string endpoint) =>
        CartKit.Redis.Connection.RedisConnection.CreateConfiguration(endpoint, TimeSpan.FromSeconds(5));

    private async Task<string[]> CommandsAsync(Func<Task> operation) =>
        (await ProfileAsync(operation)).Select(c => c.Command is "EVALSHA" ? "EVAL" : c.Command).ToArray();

    private async Task<IProfiledCommand[]> ProfileAsync(Func<Task> operation)
    {
        var profiling = new ProfilingSession();
        _profiling = profiling;
        await operation();
        _profiling = null;
        var commands = profiling.FinishProfiling().OrderBy(c => c.CommandCreated).ToArray();
        _output.WriteLine(string.Join(", ", commands.Select(c => $"{c.Command} {c.ElapsedTime.TotalMilliseconds:F3} ms")));
        return commands;
    }
}
