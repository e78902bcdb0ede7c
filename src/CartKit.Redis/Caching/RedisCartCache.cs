using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CartKit.Caching;
using CartKit.Domain;
using CartKit.Redis.Connection;
using CartKit.Redis.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

using Order = CartKit.Domain.Order;

namespace CartKit.Redis.Caching;

// The Redis side of the cache-aside decorators, closing the classic race where a slow reader puts back a cart older
// than one a writer stored after it:
// - a write refreshes the entry with a one-key script that never replaces an equal or newer version (entries start
//   with their cart's version), so two writers refreshing out of order cannot go backwards;
// - a miss places a ticket in the empty key (SET NX PX, "~" + random), and the reader may repopulate only while the
//   key still holds that ticket. Any refresh, delete, eviction or flush since the miss removes it, so a reader that
//   read the source of truth before a write can never store its older cart, even when the newer entry is gone.
// Entries have their own TTL, so the cache also forgets carts nobody reads.
//
// Redis is ephemeral: a failure is a miss (reads) or a no-op (writes), logged once per outage by RedisOutage and
// counted here. One failure matters more: a refresh after an acknowledged write that did not reach Redis can leave an
// older version cached. Those carts are remembered (a bounded set) and read from the source of truth until their
// entry has been deleted, so this process never answers older than what it acknowledged; see docs/redis.md for the
// residual risk when only this process lost Redis.
internal sealed class RedisCartCache : ICartCache, IDisposable
{
    // ARGV: version, value, TTL in ms. The version is the digits that start the stored value, so GETRANGE reads it
    // without copying the cart. Returns 1 when written, 0 when an equal or newer version was already there.
    internal const string SetIfNewerScript = """
        local current = redis.call('GETRANGE', KEYS[1], 0, 20)
        if current ~= '' then
          local version = tonumber(string.match(current, '^(%d+):'))
          if version and version >= tonumber(ARGV[1]) then
            return 0
          end
        end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    // ARGV: ticket, value, TTL in ms. Repopulates only if the key still holds the ticket this reader's miss placed.
    internal const string SetIfTicketScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          return 1
        end
        return 0
        """;

    internal const int MaxUnrepairedCarts = 10_000;

    // How long a miss's ticket lets its reader repopulate: long enough for a slow source-of-truth read; a reader
    // slower than this simply does not repopulate, and a reader that died blocks repopulates for no longer.
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(5);

    private readonly RedisConnection _connection;
    private readonly RedisOutage _outage;
    private readonly RedisKeys _keys;
    private readonly RedisCacheMetrics _metrics;
    private readonly ILogger<RedisCartCache> _logger;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _cartTtl;
    private readonly TimeSpan _orderTtl;
    private readonly long _cartTtlMilliseconds;
    private readonly TimeSpan _unrepairedLifetime;
    private readonly DecodedCarts _decoded;

    // Carts whose refresh after a write failed, until their entry is deleted or must have expired. The value is a
    // unique stamp, so a repair only forgets the failure it repaired, never a newer one recorded meanwhile.
    private readonly ConcurrentDictionary<string, Unrepaired> _unrepaired = new(StringComparer.Ordinal);
    private long _stamps;
    private long _bypassUntil;
    private int _draining;

    // The unrepaired carts' lifetimes are about entries expiring in Redis, so they run on the real clock by default.
    public RedisCartCache(
        RedisConnection connection,
        RedisOutage outage,
        RedisKeys keys,
        RedisCacheMetrics metrics,
        ReuseTables reuse,
        IOptions<RedisCartKitOptions> options,
        ILogger<RedisCartCache> logger)
        : this(connection, outage, keys, metrics, reuse, options, logger, TimeProvider.System)
    {
    }

    internal RedisCartCache(
        RedisConnection connection,
        RedisOutage outage,
        RedisKeys keys,
        RedisCacheMetrics metrics,
        ReuseTables reuse,
        IOptions<RedisCartKitOptions> options,
        ILogger<RedisCartCache> logger,
        TimeProvider clock)
    {
        _decoded = new DecodedCarts(reuse);
        _connection = connection;
        _outage = outage;
        _keys = keys;
        _metrics = metrics;
        _logger = logger;
        _clock = clock;
        _cartTtl = options.Value.CartCacheTtl;
        _orderTtl = options.Value.OrderCacheTtl;
        _cartTtlMilliseconds = (long)_cartTtl.TotalMilliseconds;

        // An entry written before the failure has expired by then (plus slack for a repopulate already in flight).
        _unrepairedLifetime = _cartTtl + (2 * options.Value.OperationTimeout) + TimeSpan.FromSeconds(1);
        _outage.Recovered += OnRecovered;
    }

    private const byte TicketMark = (byte)'~';

    internal int UnrepairedCount => _unrepaired.Count;

    internal DecodedCarts Decoded => _decoded;

    // Whether cart reads bypass the cache, after more failed refreshes than can be tracked one by one.
    private bool Bypassing => Volatile.Read(ref _bypassUntil) is var until && until != 0 && _clock.GetTimestamp() < until;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<CartCacheRead> GetCartAsync(string cartId, CancellationToken cancellationToken = default)
    {
        if (!_keys.TryCart(cartId, out var key))
        {
            return CartCacheRead.Miss();
        }

        if (!_unrepaired.IsEmpty && _unrepaired.TryGetValue(cartId, out var unrepaired))
        {
            await RepairAsync(cartId, key, unrepaired).ConfigureAwait(false);
            _metrics.Miss(CacheEntity.Cart);
            return CartCacheRead.Miss();
        }

        if (Bypassing)
        {
            _metrics.Miss(CacheEntity.Cart);
            return CartCacheRead.Miss();
        }

        if (await BeginAsync(CacheEntity.Cart, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return CartCacheRead.Miss();
        }

        Lease<byte>? lease;
        try
        {
            lease = await database.StringGetLeaseAsync(key).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex, CacheEntity.Cart);
            return CartCacheRead.Miss();
        }

        _outage.Succeeded();
        using (lease)
        {
            if (lease is null)
            {
                _metrics.Miss(CacheEntity.Cart);
                return CartCacheRead.Miss(await TryPlaceTicketAsync(database, key, cancellationToken).ConfigureAwait(false));
            }

            if (lease.Span is [TicketMark, ..])
            {
                // Another reader is repopulating this cart: a miss, without a ticket of our own.
                _metrics.Miss(CacheEntity.Cart);
                return CartCacheRead.Miss();
            }

            try
            {
                var cart = _decoded.Read(cartId, lease.Span);
                _metrics.Hit(CacheEntity.Cart);
                return CartCacheRead.Hit(cart);
            }
            catch (JsonException)
            {
                await DropUnreadableAsync(key, CacheEntity.Cart).ConfigureAwait(false);
                return CartCacheRead.Miss();
            }
        }
    }

    public CartReadAhead? StartReadAhead(string cartId)
    {
        // Only when the read can leave at once and the ordinary read would go to Redis too.
        if (!_keys.TryCart(cartId, out var key)
            || (!_unrepaired.IsEmpty && _unrepaired.ContainsKey(cartId))
            || Bypassing
            || _outage.IsDown
            || _connection.ConnectedDatabase is not { } database)
        {
            return null;
        }

        // The read leaves now, on the caller's thread: a command the client refuses as it is issued (a broken
        // connection, a node that came back as a replica) is a Redis failure like any other, and the ordinary read
        // that follows skips Redis.
        Task<Lease<byte>?> pending;
        try
        {
            pending = database.StringGetLeaseAsync(key);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, CancellationToken.None))
        {
            Failed(ex, CacheEntity.Cart);
            return null;
        }

        return new RedisReadAhead(this, cartId, pending);
    }

    public async ValueTask SetCartAsync(Cart cart, string repopulateTicket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(repopulateTicket);
        if (!_keys.TryCart(cart.Id, out var key)
            || await BeginAsync(CacheEntity.Cart, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return;
        }

        RedisValue[] arguments = [repopulateTicket, RedisCacheFormat.WriteCart(cart), _cartTtlMilliseconds];
        await RunAsync(
            database,
            (key, arguments),
            static (db, s) => db.ScriptEvaluateAsync(SetIfTicketScript, [s.key], s.arguments),
            CacheEntity.Cart,
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask CartWrittenAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        _unrepaired.TryGetValue(cart.Id, out var before);
        bool refreshed;
        try
        {
            refreshed = await TryRefreshCartAsync(cart, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The write is acknowledged whatever the caller does now, and the refresh may not have reached Redis.
            Remember(cart.Id);
            throw;
        }

        if (refreshed)
        {
            // The entry now holds this version or a newer one, which also repairs an earlier failed refresh.
            if (before is not null)
            {
                _unrepaired.TryRemove(KeyValuePair.Create(cart.Id, before));
            }

            return;
        }

        Remember(cart.Id);
    }

    public async ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken = default)
    {
        if (_keys.TryCart(cartId, out var key) && await BeginAsync(CacheEntity.Cart, cancellationToken).ConfigureAwait(false) is { } database)
        {
            await RunAsync(database, key, static (db, k) => db.KeyDeleteAsync(k), CacheEntity.Cart, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        if (!_keys.TryOrder(orderId, out var key))
        {
            return null;
        }

        using var lease = await GetOrderLeaseAsync(key, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return null;
        }

        try
        {
            var order = RedisCacheFormat.ReadOrder(lease.Span);
            _metrics.Hit(CacheEntity.Order);
            return order;
        }
        catch (JsonException)
        {
            await DropUnreadableAsync(key, CacheEntity.Order).ConfigureAwait(false);
            return null;
        }
    }

    // Only final orders reach here (CachedOrderRepository), and they never change again: a plain SET is enough.
    public async ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_keys.TryOrder(order.Id, out var key) && await BeginAsync(CacheEntity.Order, cancellationToken).ConfigureAwait(false) is { } database)
        {
            await RunAsync(
                database,
                (key, value: RedisCacheFormat.WriteOrder(order), ttl: _orderTtl),
                static (db, s) => db.StringSetAsync(s.key, s.value, s.ttl),
                CacheEntity.Order,
                cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _outage.Recovered -= OnRecovered;

    private async ValueTask<bool> TryRefreshCartAsync(Cart cart, CancellationToken cancellationToken)
    {
        if (!_keys.TryCart(cart.Id, out var key) || await BeginAsync(CacheEntity.Cart, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return false;
        }

        RedisValue[] arguments = [cart.Version, RedisCacheFormat.WriteCart(cart), _cartTtlMilliseconds];
        return await RunAsync(
            database,
            (key, arguments),
            static (db, s) => db.ScriptEvaluateAsync(SetIfNewerScript, [s.key], s.arguments),
            CacheEntity.Cart,
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Lease<byte>?> GetOrderLeaseAsync(RedisKey key, CancellationToken cancellationToken)
    {
        if (await BeginAsync(CacheEntity.Order, cancellationToken).ConfigureAwait(false) is not { } database)
        {
            return null;
        }

        Lease<byte>? lease;
        try
        {
            lease = await database.StringGetLeaseAsync(key).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex, CacheEntity.Order);
            return null;
        }

        _outage.Succeeded();
        if (lease is null)
        {
            _metrics.Miss(CacheEntity.Order);
        }

        return lease;
    }

    // After a miss: claims the empty key for this reader's repopulate. Null when another reader got there first or
    // Redis failed; the reader then answers from the source of truth without repopulating.
    private async ValueTask<string?> TryPlaceTicketAsync(IDatabase database, RedisKey key, CancellationToken cancellationToken)
    {
        var ticket = "~" + RedisTokens.New();
        bool placed;
        try
        {
            placed = await database.StringSetAsync(key, ticket, TicketLifetime, When.NotExists).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex, CacheEntity.Cart);
            return null;
        }

        _outage.Succeeded();
        return placed ? ticket : null;
    }

    // The database to use, or null (counted) when Redis is being skipped or cannot be connected to.
    private async ValueTask<IDatabase?> BeginAsync(CacheEntity entity, CancellationToken cancellationToken)
    {
        // StackExchange.Redis takes no cancellation token: a cancelled request stops before its command is sent, and
        // a sent command is bounded by the connection's timeout.
        cancellationToken.ThrowIfCancellationRequested();
        if (_outage.ShouldSkip())
        {
            _metrics.Error(entity, "backoff");
            return null;
        }

        try
        {
            return await _connection.GetDatabaseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex, entity);
            return null;
        }
    }

    // Issues and awaits one command; false (counted, and the outage noted) when Redis failed. The command is issued
    // inside the try: the client throws some failures synchronously while issuing (a command refused by a node that
    // came back as a replica), and those must not escape a cache write or a background repair either.
    private async ValueTask<bool> RunAsync<TState, T>(
        IDatabase database,
        TState state,
        Func<IDatabase, TState, Task<T>> command,
        CacheEntity entity,
        CancellationToken cancellationToken)
    {
        try
        {
            await command(database, state).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            Failed(ex, entity);
            return false;
        }

        _outage.Succeeded();
        return true;
    }

    private void Failed(Exception exception, CacheEntity entity)
    {
        _outage.Failed(exception);
        _metrics.Error(entity, RedisOutage.ErrorType(exception));
    }

    private async ValueTask DropUnreadableAsync(RedisKey key, CacheEntity entity)
    {
        // A value this version cannot read (another format, corruption) is a miss, not a failed request.
        Log.CacheEntryUnreadable(_logger, entity == CacheEntity.Cart ? "cart" : "order", "format");
        _metrics.Error(entity, "format");
        if (await BeginAsync(entity, CancellationToken.None).ConfigureAwait(false) is { } database)
        {
            await RunAsync(database, key, static (db, k) => db.KeyDeleteAsync(k), entity, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private void Remember(string cartId)
    {
        var now = _clock.GetTimestamp();
        var expiresAt = now + (long)(_unrepairedLifetime.TotalSeconds * _clock.TimestampFrequency);
        if (_unrepaired.Count >= MaxUnrepairedCarts && !_unrepaired.ContainsKey(cartId))
        {
            // Too many to track one by one: stop answering carts from the cache until every entry that could be
            // older than an acknowledged write has expired on its own.
            if (Interlocked.Exchange(ref _bypassUntil, expiresAt) < now)
            {
                Log.CartCacheBypassed(_logger, _unrepairedLifetime);
            }

            return;
        }

        _unrepaired[cartId] = new Unrepaired(Interlocked.Increment(ref _stamps), expiresAt);
    }

    private async ValueTask RepairAsync(string cartId, RedisKey key, Unrepaired unrepaired)
    {
        if (_clock.GetTimestamp() >= unrepaired.ExpiresAt)
        {
            _unrepaired.TryRemove(KeyValuePair.Create(cartId, unrepaired));
            return;
        }

        if (await BeginAsync(CacheEntity.Cart, CancellationToken.None).ConfigureAwait(false) is { } database
            && await RunAsync(database, key, static (db, k) => db.KeyDeleteAsync(k), CacheEntity.Cart, CancellationToken.None).ConfigureAwait(false))
        {
            _unrepaired.TryRemove(KeyValuePair.Create(cartId, unrepaired));
        }
    }

    // When Redis answers again, delete every entry a failed refresh may have left stale at once, rather than waiting
    // for this process to read each cart: other processes read those entries too.
    private void OnRecovered()
    {
        if (_unrepaired.IsEmpty || Interlocked.Exchange(ref _draining, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var (cartId, unrepaired) in _unrepaired)
                {
                    if (_keys.TryCart(cartId, out var key))
                    {
                        await RepairAsync(cartId, key, unrepaired).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _draining, 0);
            }
        });
    }

    private sealed record Unrepaired(long Stamp, long ExpiresAt);

    // The read ahead's second phase: a clean hit for the cart the caller needs (counted as one), else null. A Redis
    // failure is noted (so the ordinary read that follows skips Redis instead of waiting for it again); anything else is
    // left for that ordinary read, which counts it.
    private sealed class RedisReadAhead(RedisCartCache cache, string cartId, Task<Lease<byte>?> pending) : CartReadAhead(cartId)
    {
        public override ValueTask<Cart?> FinishAsync(string? neededCartId) =>
            pending.IsCompletedSuccessfully ? ValueTask.FromResult(Read(pending.Result, neededCartId)) : WaitAsync(neededCartId);

        private async ValueTask<Cart?> WaitAsync(string? neededCartId)
        {
            // Whatever the read's task throws is Redis failing (a connection broken mid-command completes it with
            // InvalidOperationException or TaskCanceledException too); nobody's token can cancel it.
            Lease<byte>? lease;
            try
            {
                lease = await pending.ConfigureAwait(false);
            }
            catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, CancellationToken.None))
            {
                cache.Failed(ex, CacheEntity.Cart);
                return null;
            }

            return Read(lease, neededCartId);
        }

        private Cart? Read(Lease<byte>? lease, string? neededCartId)
        {
            using (lease)
            {
                if (lease is null || lease.Span is [TicketMark, ..] || !string.Equals(neededCartId, CartId, StringComparison.Ordinal))
                {
                    return null;
                }

                try
                {
                    var cart = cache._decoded.Read(CartId, lease.Span);
                    cache._metrics.Hit(CacheEntity.Cart);
                    return cart;
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }
    }
}
