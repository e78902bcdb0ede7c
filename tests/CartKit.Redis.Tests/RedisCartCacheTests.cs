using System.Reflection;
using System.Text.RegularExpressions;
using CartKit.Caching;
using CartKit.Domain;
using CartKit.Redis.Caching;
using CartKit.Redis.Diagnostics;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using CartKit.Testing;
using CartKit.Testing.Storage;
using CartKit.TestSupport;

namespace CartKit.Redis.Tests;

/// <summary>The cache-aside behaviour against a real Redis: hits, misses, refreshes on every write, the version guard.</summary>
public sealed partial class RedisCartCacheTests : IDisposable
{
    private readonly RedisCacheKit _kit = new();
    private readonly InMemoryCartRepository _truth = new();
    private readonly InMemoryOrderRepository _orderTruth = new();

    private CachedCartRepository Carts => new(_truth, _kit.Cache);

    private CachedOrderRepository Orders => new(_orderTruth, _kit.Cache);

    [Fact]
    public async Task AMiss_ReadsTheSourceOfTruth_AndRepopulates_ThenReadsHit()
    {
        var cart = Samples.Cart();
        await _truth.InsertAsync(cart);

        StoreAssert.SameCart(cart, await Carts.GetAsync(cart.Id));
        StoreAssert.SameCart(cart, await Carts.GetAsync(cart.Id));

        Assert.Equal(1, _kit.Metrics.Sum(RedisCacheMetrics.CacheMisses, (RedisCacheMetrics.EntityTag, "cart")));
        Assert.Equal(1, _kit.Metrics.Sum(RedisCacheMetrics.CacheHits, (RedisCacheMetrics.EntityTag, "cart")));
        Assert.True(await _kit.Database.KeyExistsAsync(_kit.CartKey(cart.Id)));
    }

    [Fact]
    public async Task AHit_IsServedWithoutAskingTheSourceOfTruth()
    {
        var cart = Samples.Cart();
        await Carts.InsertAsync(cart);

        // Changed behind the cache's back: a hit must not notice, which proves it never asked.
        await _truth.ReplaceAsync(Samples.Next(cart), cart.Version);

        Assert.Equal(cart.Version, (await Carts.GetAsync(cart.Id))!.Version);
    }

    [Fact]
    public async Task HitsOnAnUnchangedEntry_ShareOneSnapshot_AndAnEntryAnotherProcessChanged_IsReadAnew()
    {
        var cart = Samples.Cart();
        await Carts.InsertAsync(cart);
        await Carts.GetAsync(cart.Id);
        var first = await Carts.GetAsync(cart.Id);
        Assert.Same(first, await Carts.GetAsync(cart.Id));

        // Another process stores other content under the same version (which versioning rules out, but the table must
        // not depend on): the bytes differ, so the hit decodes them.
        var elsewhere = cart with { Lines = [cart.Lines[0] with { Quantity = 9 }] };
        await _kit.Database.StringSetAsync(_kit.CartKey(cart.Id), RedisCacheFormat.WriteCart(elsewhere));

        var read = await Carts.GetAsync(cart.Id);
        Assert.NotSame(first, read);
        Assert.Equal(9, Assert.Single(read!.Lines).Quantity);
        Assert.Equal(4, _kit.Metrics.Sum(RedisCacheMetrics.CacheHits, (RedisCacheMetrics.EntityTag, "cart")));
    }

    [Fact]
    public async Task EntriesCarryTheirVersion_AndTheirOwnTtl()
    {
        var cart = Samples.Cart(version: 1);
        await Carts.InsertAsync(cart);

        var value = (string?)await _kit.Database.StringGetAsync(_kit.CartKey(cart.Id));
        var ttl = await _kit.Database.KeyTimeToLiveAsync(_kit.CartKey(cart.Id));

        Assert.StartsWith("1:{", value, StringComparison.Ordinal);
        Assert.InRange(ttl!.Value, _kit.Options.CartCacheTtl - TimeSpan.FromMinutes(1), _kit.Options.CartCacheTtl);
    }

    [Fact]
    public async Task EveryKindOfCartWrite_RefreshesOrInvalidatesTheEntry()
    {
        var cart = Samples.Cart();
        Assert.Equal(CartWriteResult.Written, await Carts.InsertAsync(cart));
        Assert.Equal(1, (await CachedAsync(cart.Id))!.Version);

        var v2 = Samples.Next(cart);
        Assert.Equal(CartWriteResult.Written, await Carts.ReplaceAsync(v2, 1));
        Assert.Equal(2, (await CachedAsync(cart.Id))!.Version);

        // A lost compare-and-swap means the writer held a stale view: the entry is dropped so the retry reads the truth.
        Assert.Equal(CartWriteResult.VersionConflict, await Carts.ReplaceAsync(Samples.Next(cart), 1));
        Assert.False(await _kit.Database.KeyExistsAsync(_kit.CartKey(cart.Id)));

        // A refused insert (the id exists) drops it too; the next read repopulates from the truth.
        await Carts.GetAsync(cart.Id);
        Assert.Equal(CartWriteResult.VersionConflict, await Carts.InsertAsync(cart));
        Assert.False(await _kit.Database.KeyExistsAsync(_kit.CartKey(cart.Id)));
        Assert.Equal(2, (await Carts.GetAsync(cart.Id))!.Version);

        var completed = Samples.Next(v2, c => c with { Status = CartStatus.Completed, CompletedByOrderId = "CCCCCCCCCCCCCCCCCCCCCC" });
        Assert.Equal(CartWriteResult.Written, await Carts.ReplaceAsync(completed, 2));
        Assert.Equal(CartStatus.Completed, (await CachedAsync(cart.Id))!.Status);
    }

    [Fact]
    public async Task TheVersionGuard_NeverReplacesANewerEntry()
    {
        var v1 = Samples.Cart();
        var v2 = Samples.Next(v1);
        var v3 = Samples.Next(v2);

        await _kit.Cache.CartWrittenAsync(v2, default);
        await _kit.Cache.CartWrittenAsync(v1, default);
        Assert.Equal(2, (await CachedAsync(v1.Id))!.Version);

        await _kit.Cache.CartWrittenAsync(v3, default);
        await _kit.Cache.CartWrittenAsync(v2, default);
        Assert.Equal(3, (await CachedAsync(v1.Id))!.Version);
    }

    [Fact]
    public async Task ASlowReader_CannotPutAnOldCartBack_AfterAWriterRefreshedTheEntry()
    {
        var gated = new GatedCartRepository(_truth);
        var carts = new CachedCartRepository(gated, _kit.Cache);
        var v1 = Samples.Cart();
        await carts.InsertAsync(v1);
        await _kit.Database.KeyDeleteAsync(_kit.CartKey(v1.Id)); // evicted

        // The reader misses, reads version 1 from the truth, and stalls before repopulating.
        gated.HoldNextRead();
        var reader = Task.Run(async () => await carts.GetAsync(v1.Id));
        await gated.ReadStarted.WaitAsync(TimeSpan.FromSeconds(10));

        // Meanwhile a writer stores version 2 and refreshes the entry: the write is acknowledged.
        var v2 = Samples.Next(v1, c => c with { Lines = [] });
        Assert.Equal(CartWriteResult.Written, await carts.ReplaceAsync(v2, 1));

        // The reader wakes up and tries to cache the version 1 it read.
        gated.Release();
        Assert.Equal(1, (await reader)!.Version);

        Assert.Equal(2, (await CachedAsync(v1.Id))!.Version);
        Assert.Equal(2, (await carts.GetAsync(v1.Id))!.Version);
    }

    [Fact]
    public async Task ASlowReader_CannotPutAnOldCartBack_EvenWhenTheNewerEntryWasEvictedMeanwhile()
    {
        var gated = new GatedCartRepository(_truth);
        var carts = new CachedCartRepository(gated, _kit.Cache);
        var v1 = Samples.Cart();
        await carts.InsertAsync(v1);
        await _kit.Database.KeyDeleteAsync(_kit.CartKey(v1.Id));

        gated.HoldNextRead();
        var reader = Task.Run(async () => await carts.GetAsync(v1.Id));
        await gated.ReadStarted.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("~", (string?)await _kit.Database.StringGetAsync(_kit.CartKey(v1.Id)), StringComparison.Ordinal);
        Assert.Equal(CartWriteResult.Written, await carts.ReplaceAsync(Samples.Next(v1), 1));

        // The newer entry is evicted (memory pressure, a flush, a failover) before the slow reader repopulates: a
        // version check alone would find the key empty and store version 1. The reader's ticket is gone, so it cannot.
        await _kit.Database.KeyDeleteAsync(_kit.CartKey(v1.Id));
        gated.Release();
        Assert.Equal(1, (await reader)!.Version);

        Assert.False(await _kit.Database.KeyExistsAsync(_kit.CartKey(v1.Id)));
        Assert.Equal(2, (await carts.GetAsync(v1.Id))!.Version);
    }

    [Fact]
    public async Task ConcurrentMisses_LetOneReaderRepopulate()
    {
        var cart = Samples.Cart();
        await _truth.InsertAsync(cart);

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _kit.Cache.GetCartAsync(cart.Id, default).AsTask()));

        Assert.All(reads, r => Assert.Null(r.Cart));
        var ticket = Assert.Single(reads, r => r.RepopulateTicket is not null).RepopulateTicket;
        await _kit.Cache.SetCartAsync(cart, "~not-the-ticket", default);
        Assert.Null(await CachedAsync(cart.Id, allowTicket: true));
        await _kit.Cache.SetCartAsync(cart, ticket!, default);
        Assert.Equal(1, (await CachedAsync(cart.Id))!.Version);
    }

    [Fact]
    public async Task OnlyFinalOrders_AreCached_AndServedFromTheCache()
    {
        var cart = Samples.Cart();
        var pending = Samples.Order(cart);
        var other = Samples.Order(Samples.Next(cart));
        await Orders.InsertAsync(pending);
        await Orders.InsertAsync(other);

        Assert.Equal(OrderStatus.PendingPayment, (await Orders.GetAsync(pending.Id))!.Status);
        Assert.False(await _kit.Database.KeyExistsAsync(_kit.OrderKey(pending.Id)));

        var paid = await Orders.MarkPaidAsync(pending.Id, "pi_1", Samples.T0);
        var superseded = await Orders.CloseAsync(other.Id, OrderStatus.Superseded, Samples.T0);

        Assert.Equal(OrderStatus.Paid, (await _kit.Cache.GetOrderAsync(pending.Id, default))!.Status);
        StoreAssert.SameOrder(paid.Order!, await Orders.GetAsync(pending.Id));

        // A superseded order can still receive a payment that turns it into a conflict: not final, not cached.
        Assert.Equal(OrderStatus.Superseded, superseded!.Status);
        Assert.Equal(OrderStatus.Superseded, (await Orders.GetAsync(other.Id))!.Status);
        Assert.False(await _kit.Database.KeyExistsAsync(_kit.OrderKey(other.Id)));
        var conflict = await Orders.RecordPaymentConflictAsync(other.Id, "pi_2", Samples.T0);
        Assert.Equal(OrderStatus.PaymentConflict, (await _kit.Cache.GetOrderAsync(other.Id, default))!.Status);
        StoreAssert.SameOrder(conflict!, await Orders.GetAsync(other.Id));
        Assert.True(_kit.Metrics.Sum(RedisCacheMetrics.CacheHits, (RedisCacheMetrics.EntityTag, "order")) >= 2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA*")]
    [InlineData("{AAAAAAAAAAAAAAAAAAAAA}")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task MalformedIds_NeverReachRedis(string id)
    {
        Assert.Null((await _kit.Cache.GetCartAsync(id, default)).Cart);
        Assert.Null(await _kit.Cache.GetOrderAsync(id, default));
        await _kit.Cache.CartWrittenAsync(Samples.Cart(id: id), default);
        await _kit.Cache.SetCartAsync(Samples.Cart(id: id), "~ticket", default);
        await _kit.Cache.RemoveCartAsync(id, default);

        Assert.Equal(0, _kit.Metrics.Sum(RedisCacheMetrics.CacheMisses));
        Assert.Empty(await KeysAsync());
    }

    [Fact]
    public async Task AnUnreadableEntry_IsAMiss_AndIsRemoved()
    {
        var cart = Samples.Cart();
        await _truth.InsertAsync(cart);
        await _kit.Database.StringSetAsync(_kit.CartKey(cart.Id), "9:{\"f\":99}");

        StoreAssert.SameCart(cart, await Carts.GetAsync(cart.Id));
        Assert.False(await _kit.Database.KeyExistsAsync(_kit.CartKey(cart.Id)));
        StoreAssert.SameCart(cart, await Carts.GetAsync(cart.Id));

        Assert.Equal(1, _kit.Metrics.Sum(RedisCacheMetrics.CacheErrors, (RedisCacheMetrics.ErrorTypeTag, "format")));
        Assert.Equal(1, (await CachedAsync(cart.Id))!.Version);
    }

    [Fact]
    public void EveryScript_NamesItsKeysInKeysOnly_AndTouchesOneKey()
    {
        var scripts = typeof(RedisCartCache).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("CartKit.Redis", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(f => f.IsLiteral && f.Name.EndsWith("Script", StringComparison.Ordinal))
            .Select(f => (f.DeclaringType!.Name + "." + f.Name, (string)f.GetRawConstantValue()!))
            .ToList();

        Assert.Equal(4, scripts.Count);
        Assert.All(scripts, script =>
        {
            var calls = RedisCall().Matches(script.Item2);
            Assert.NotEmpty(calls);

            // Cluster safety: a script may only touch keys passed in KEYS[], here always exactly one, so it never
            // computes a key from data and never spans hash slots.
            Assert.All(calls, call => Assert.Equal("KEYS[1]", call.Groups["key"].Value));
            Assert.DoesNotMatch(@"KEYS\[[2-9]\]", script.Item2);
        });
    }

    public void Dispose() => _kit.Dispose();

    [GeneratedRegex(@"redis\.call\('(?<command>[A-Z]+)',\s*(?<key>[^,)]+)")]
    private static partial Regex RedisCall();

    private async Task<Cart?> CachedAsync(string cartId, bool allowTicket = false)
    {
        var value = await _kit.Database.StringGetAsync(_kit.CartKey(cartId));
        if (allowTicket && value.StartsWith("~"u8.ToArray()))
        {
            return null;
        }

        return value.IsNull ? null : RedisCacheFormat.ReadCart((byte[])value!);
    }

    // Every primary is asked: on a cluster SCAN sees only the slots of the node it runs on.
    private async Task<List<string>> KeysAsync()
    {
        var keys = new List<string>();
        foreach (var server in SharedRedis.Multiplexer.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: _kit.Options.KeyPrefix + "*"))
            {
                keys.Add(key!);
            }
        }

        return keys;
    }

    /// <summary>A source of truth whose next read can be held after it has read, as a slow reader would be.</summary>
    private sealed class GatedCartRepository(ICartRepository inner) : ICartRepository
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _hold;

        public TaskCompletionSource ReadStartedSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ReadStarted => ReadStartedSource.Task;

        public void HoldNextRead() => Volatile.Write(ref _hold, 1);

        public void Release() => _released.TrySetResult();

        public async ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default)
        {
            var cart = await inner.GetAsync(cartId, cancellationToken);
            if (Interlocked.Exchange(ref _hold, 0) == 1)
            {
                ReadStartedSource.TrySetResult();
                await _released.Task;
            }

            return cart;
        }

        public ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default) => inner.FindActiveBySessionAsync(sessionId, cancellationToken);

        public ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default) => inner.FindActiveByUserAsync(userId, cancellationToken);

        public ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default) => inner.InsertAsync(cart, cancellationToken);

        public ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default) => inner.ReplaceAsync(cart, expectedVersion, cancellationToken);

        public ValueTask<CartPage> FindInactiveAsync(DateTimeOffset lastActivityAtOrBefore, int pageSize, string? continuationToken = null, CancellationToken cancellationToken = default) =>
            inner.FindInactiveAsync(lastActivityAtOrBefore, pageSize, continuationToken, cancellationToken);
    }
}

public sealed class RedisCachedCartRepositoryTests : CartRepositoryContractTests, IDisposable
{
    private readonly RedisCacheKit _kit = new();

    protected override Task<ICartRepository> CreateRepositoryAsync() =>
        Task.FromResult<ICartRepository>(new CachedCartRepository(new InMemoryCartRepository(), _kit.Cache));

    public void Dispose() => _kit.Dispose();
}

public sealed class RedisCachedOrderRepositoryTests : OrderRepositoryContractTests, IDisposable
{
    private readonly RedisCacheKit _kit = new();

    protected override Task<IOrderRepository> CreateRepositoryAsync() =>
        Task.FromResult<IOrderRepository>(new CachedOrderRepository(new InMemoryOrderRepository(), _kit.Cache));

    public void Dispose() => _kit.Dispose();
}
