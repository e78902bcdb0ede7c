using CartKit.Caching;
using CartKit.Domain;
using CartKit.Redis.Caching;
using CartKit.Redis.Checkout;
using CartKit.Redis.Connection;
using CartKit.Redis.Diagnostics;
using CartKit.Redis.Sessions;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CartKit.Redis.Tests;

/// <summary>
/// Whatever a Redis call throws, as it is issued or from its task, is a Redis failure: every cache operation falls
/// back (a miss, a no-op), the session store answers SessionStoreUnavailableException, the checkout lock goes ahead
/// without the lock, and the outage opens. Only the caller's own cancellation comes back out as a cancellation.
/// The exceptions are the ones seen when a connection broke under load or a node came back as a replica.
/// </summary>
public sealed class RedisFailureClassificationTests : IDisposable
{
    private readonly FaultyRedis _redis = new(SharedRedis.Multiplexer);
    private readonly RedisCartKitOptions _options;
    private readonly RedisConnection _connection;
    private readonly RedisOutage _outage = SharedRedis.Outage(TimeSpan.FromMilliseconds(50));
    private readonly MetricsRecorder _metrics = new();
    private readonly RedisKeys _keys;
    private readonly RedisCartCache _cache;
    private readonly RedisSessionStore<CartSession> _sessions;
    private readonly RedisCheckoutLock _lock;

    public RedisFailureClassificationTests()
    {
        _options = new RedisCartKitOptions { KeyPrefix = SharedRedis.NewPrefix(), ConnectionMultiplexerFactory = () => Task.FromResult(_redis.Multiplexer) };
        _connection = new RedisConnection(Options.Create(_options), new ServiceCollection().BuildServiceProvider());
        _keys = new RedisKeys(Options.Create(_options));
        _cache = new RedisCartCache(
            _connection,
            _outage,
            _keys,
            new RedisCacheMetrics(_metrics),
            new ReuseTables(new ReuseTablesOptions(), new ReuseMetrics(_metrics)),
            Options.Create(_options),
            NullLogger<RedisCartCache>.Instance,
            TimeProvider.System);
        _sessions = new RedisSessionStore<CartSession>(
            Options.Create(new SessionStoreOptions<CartSession> { Prefix = _options.KeyPrefix + "s:", Ttl = TimeSpan.FromMinutes(1) }),
            _connection,
            _outage,
            TimeProvider.System);
        _lock = new RedisCheckoutLock(_connection, _outage, _keys, Options.Create(_options), NullLogger<RedisCheckoutLock>.Instance);
    }

    public static TheoryData<string, string, FaultMode> Cases()
    {
        var data = new TheoryData<string, string, FaultMode>();
        foreach (var operation in Operations.Keys)
        {
            foreach (var exception in Exceptions.Keys)
            {
                foreach (var mode in Enum.GetValues<FaultMode>())
                {
                    data.Add(operation, exception, mode);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnyExceptionFromARedisCall_IsARedisFailure_AndTheOperationFallsBack(string operation, string exception, FaultMode mode)
    {
        var cart = await WarmAsync();
        _redis.Fail(Exceptions[exception], mode);

        await Operations[operation](this, cart);

        Assert.True(_redis.Issued > 0, "the operation sent no command");
        Assert.True(_outage.IsDown);
    }

    [Theory]
    [InlineData(FaultMode.OnIssue)]
    [InlineData(FaultMode.OnAwait)]
    public async Task ARepairRefusedByAReplica_IsAMiss_NotAnException(FaultMode mode)
    {
        var cart = await WarmAsync();
        _redis.Fail(Exceptions["replica"], mode);
        await _cache.CartWrittenAsync(cart);
        Assert.Equal(1, _cache.UnrepairedCount);

        // Past the back-off this read probes Redis with the repair's delete, which the replica refuses again.
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        var issued = _redis.Issued;
        Assert.Null((await _cache.GetCartAsync(cart.Id)).Cart);
        Assert.True(_redis.Issued > issued, "the read did not try the repair");
        Assert.Equal(1, _cache.UnrepairedCount);

        // Once Redis takes commands again the repair goes through, and the cart is read from the cache again.
        _redis.Fault = null;
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        await Eventually.HoldsAsync(async () =>
        {
            await _cache.GetCartAsync(cart.Id);
            return _cache.UnrepairedCount == 0;
        });
    }

    [Fact]
    public async Task TheCallersOwnCancellation_DuringARedisCall_IsACancellation_AndOpensNoOutage()
    {
        var cart = await WarmAsync();

        // The caller cancels while the command is in flight, and the command's task ends cancelled.
        CancellationTokenSource? caller = null;
        _redis.OnIssue = () => caller!.Cancel();
        _redis.Fail(() => new TaskCanceledException(), FaultMode.OnAwait);
        async Task CancelledAsync(Func<CancellationToken, Task> operation)
        {
            using var cancellation = caller = new CancellationTokenSource();
            var issued = _redis.Issued;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => operation(cancellation.Token));
            Assert.True(_redis.Issued > issued, "the operation sent no command");
        }

        await CancelledAsync(async token => await _cache.GetCartAsync(cart.Id, token));
        await CancelledAsync(async token => await _cache.GetOrderAsync(Samples.Order(cart).Id, token));
        await CancelledAsync(async token => await _cache.RemoveCartAsync(cart.Id, token));
        await CancelledAsync(async token => await _sessions.CreateAsync(new CartSession(cart.Id), token));
        await CancelledAsync(async token => await _sessions.GetAsync(cart.Owner.SessionId, token));
        await CancelledAsync(async token => await _lock.AcquireAsync(cart.Id, token));
        Assert.False(_outage.IsDown);
        Assert.Equal(0, _metrics.Sum(RedisCacheMetrics.CacheErrors));
    }

    [Fact]
    public async Task ARefreshTheCallerCancelled_IsRemembered_SoTheOlderEntryIsNeverServed()
    {
        var cart = await WarmAsync();
        using var cancellation = new CancellationTokenSource();
        _redis.OnIssue = cancellation.Cancel;
        _redis.Fail(() => new TaskCanceledException(), FaultMode.OnAwait);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _cache.CartWrittenAsync(Samples.Next(cart), cancellation.Token));

        Assert.Equal(1, _cache.UnrepairedCount);
        _redis.Fault = null;
        _redis.OnIssue = null;
        Assert.Null((await _cache.GetCartAsync(cart.Id)).Cart);
    }

    [Fact]
    public async Task ACancelledCallerWithoutARedisFailure_StillOpensNoOutage()
    {
        var cart = await WarmAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _cache.GetCartAsync(cart.Id, cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _sessions.GetAsync(SessionIds.New(), cancellation.Token));
        Assert.False(_outage.IsDown);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _metrics.Dispose();
    }

    private static readonly Dictionary<string, Func<Exception>> Exceptions = new()
    {
        ["writer-completed"] = () => new InvalidOperationException("Writing is not allowed after writer was completed."),
        ["task-canceled"] = () => new TaskCanceledException(),
        ["connection-reset"] = () => new Pipelines.Sockets.Unofficial.ConnectionResetException("An existing connection was forcibly closed by the remote host."),
        ["replica"] = () => new RedisCommandException("Command cannot be issued to a replica: UNLINK"),
    };

    private static readonly Dictionary<string, Func<RedisFailureClassificationTests, Cart, Task>> Operations = new()
    {
        ["cache.get-cart"] = static async (t, cart) => Assert.Null((await t._cache.GetCartAsync(cart.Id)).Cart),
        ["cache.read-ahead"] = static async (t, cart) =>
        {
            if (t._cache.StartReadAhead(cart.Id) is { } ahead)
            {
                Assert.Null(await ahead.FinishAsync(cart.Id));
            }
        },
        ["cache.set-cart"] = static async (t, cart) => await t._cache.SetCartAsync(cart, "~ticket"),
        ["cache.cart-written"] = static async (t, cart) =>
        {
            await t._cache.CartWrittenAsync(Samples.Next(cart));
            Assert.Equal(1, t._cache.UnrepairedCount);
        },
        ["cache.remove-cart"] = static async (t, cart) => await t._cache.RemoveCartAsync(cart.Id),
        ["cache.get-order"] = static async (t, cart) => Assert.Null(await t._cache.GetOrderAsync(Samples.Order(cart).Id)),
        ["cache.set-order"] = static async (t, cart) => await t._cache.SetOrderAsync(Samples.Order(cart, OrderStatus.Paid)),
        ["session.create"] = static async (t, cart) =>
            await Assert.ThrowsAsync<SessionStoreUnavailableException>(async () => await t._sessions.CreateAsync(new CartSession(cart.Id))),
        ["session.get"] = static async (t, cart) =>
            await Assert.ThrowsAsync<SessionStoreUnavailableException>(async () => await t._sessions.GetAsync(cart.Owner.SessionId)),
        ["session.set"] = static async (t, cart) =>
            await Assert.ThrowsAsync<SessionStoreUnavailableException>(async () => await t._sessions.SetAsync(cart.Owner.SessionId, new CartSession(cart.Id))),
        ["session.remove"] = static async (t, cart) =>
            await Assert.ThrowsAsync<SessionStoreUnavailableException>(async () => await t._sessions.RemoveAsync(cart.Owner.SessionId)),
        ["checkout-lock.acquire"] = static async (t, cart) =>
        {
            await using var held = await t._lock.AcquireAsync(cart.Id, default);
            Assert.False(await SharedRedis.Multiplexer.GetDatabase().KeyExistsAsync(t._options.KeyPrefix + "l:" + cart.Id));
        },
    };

    // A cart cached in Redis and a connected client, so every operation reaches its Redis call.
    private async Task<Cart> WarmAsync()
    {
        var cart = Samples.Cart();
        await _cache.CartWrittenAsync(cart);
        Assert.Equal(cart.Version, (await _cache.GetCartAsync(cart.Id)).Cart?.Version);
        Assert.False(_outage.IsDown);
        return cart;
    }
}
