using System.Diagnostics;
using CartKit.Domain;
using CartKit.Sessions;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartKit.Redis.Tests;

/// <summary>
/// The guarantee the cache exists under: once a write is acknowledged, no read returns an older cart. Two processes
/// write and read one cart at once while its cache entry keeps being evicted, so repopulates race the writes; the
/// source of truth answers reads after a short delay, as a real database would, which leaves a reader holding an old
/// cart long enough for a writer to get ahead of it (without the version guard this test fails within a second).
/// </summary>
public sealed class RedisCacheRaceTests : IAsyncLifetime
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    private readonly string _prefix = SharedRedis.NewPrefix();
    private readonly List<CartKitHarness> _kits = [];

    [Fact]
    public async Task ConcurrentReadsWritesAndEvictions_NeverReadACartOlderThanTheLastAcknowledgedWrite()
    {
        var first = CartKitHarness.Create(Configure, o => o.MaxWriteAttempts = 100);
        var second = first.StartAnotherInstance();
        _kits.Add(first);
        _kits.Add(second);
        var session = await first.NewSessionAsync();
        var cart = ResultAssert.Success(await first.Carts.AddItemAsync(session, "MUG", 1));
        var acknowledged = cart.Version;
        long reads = 0, writes = 0, evictions = 0;
        var clock = Stopwatch.StartNew();

        var writers = new[] { first, second }.Select(kit => Task.Run(async () =>
        {
            for (var n = 0; clock.Elapsed < Duration; n++)
            {
                var written = ResultAssert.Success(await kit.Carts.SetQuantityAsync(session, cart.Lines[0].ItemId, (n % 40) + 1));
                RaiseTo(ref acknowledged, written.Version);
                Interlocked.Increment(ref writes);
            }
        }));
        var readers = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var kit = i % 2 == 0 ? first : second;
            while (clock.Elapsed < Duration)
            {
                var floor = Volatile.Read(ref acknowledged);
                var read = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
                Assert.True(read.Version >= floor, $"Read version {read.Version} after version {floor} was acknowledged.");
                Interlocked.Increment(ref reads);
            }
        }));
        var evictor = Task.Run(async () =>
        {
            var database = SharedRedis.Multiplexer.GetDatabase();
            while (clock.Elapsed < Duration)
            {
                await database.KeyDeleteAsync(_prefix + "c:" + cart.Id);
                Interlocked.Increment(ref evictions);
                await Task.Delay(3);
            }
        });

        await Task.WhenAll(writers.Concat(readers).Append(evictor));

        Assert.True(reads > 100 && writes > 20 && evictions > 20, $"reads {reads}, writes {writes}, evictions {evictions}");
        Assert.Equal(acknowledged, ResultAssert.Success(await second.Carts.GetCartAsync(session)).Version);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var kit in _kits)
        {
            await kit.DisposeAsync();
        }
    }

    private void Configure(ICartKitBuilder builder)
    {
        builder.UseInMemoryStorage();
        builder.Services.RemoveAllKeyed<ICartRepository>(CartKitServiceKeys.SourceOfTruth);
        builder.Services.AddKeyedSingleton<ICartRepository>(CartKitServiceKeys.SourceOfTruth, new SlowReads(new InMemoryCartRepository()));
        builder.Services.AddSingleton(SharedRedis.Multiplexer);
        builder.UseRedis(o => o.KeyPrefix = _prefix);
        builder.Services.AddSessionStore<CartSession>(o => o.Prefix = _prefix + "s:");
    }

    private static void RaiseTo(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private sealed class SlowReads(ICartRepository inner) : ICartRepository
    {
        public async ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default)
        {
            var cart = await inner.GetAsync(cartId, cancellationToken);
            await Task.Delay(Random.Shared.Next(0, 3), cancellationToken);
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
