using System.Diagnostics;
using CartKit.Checkout;
using CartKit.Redis.Connection;
using CartKit.Redis.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CartKit.Redis.Checkout;

// A short lock per cart across every process, so concurrent checkouts of one cart do not all price it and race to
// insert the same order: SET NX PX with a random token, released only by its owner (compare-and-delete), expiring by
// itself if the owner dies. It is an optimisation and nothing more. A checkout that cannot get it in time, or cannot
// reach Redis, goes ahead without it: one order per (cart id, cart version) is the order store's unique rule, so a
// lost or expired lock costs duplicate work, never a second order.
internal sealed class RedisCheckoutLock : ICheckoutLock
{
    // Deletes the lock only if it still holds this owner's token (it may have expired and been taken by another).
    internal const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private const int MinPollMilliseconds = 5;
    private const int MaxPollMilliseconds = 40;

    private readonly RedisConnection _connection;
    private readonly RedisOutage _outage;
    private readonly RedisKeys _keys;
    private readonly TimeSpan _duration;
    private readonly ILogger<RedisCheckoutLock> _logger;

    public RedisCheckoutLock(
        RedisConnection connection,
        RedisOutage outage,
        RedisKeys keys,
        IOptions<RedisCartKitOptions> options,
        ILogger<RedisCheckoutLock> logger)
    {
        _connection = connection;
        _outage = outage;
        _keys = keys;
        _duration = options.Value.CheckoutLockDuration;
        _logger = logger;
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string cartId, CancellationToken cancellationToken)
    {
        if (!_keys.TryCheckoutLock(cartId, out var key))
        {
            throw new ArgumentException("The cart id is malformed.", nameof(cartId));
        }

        var token = RedisTokens.New();

        // The lock expires on Redis's clock, so the wait for it is measured on the real one.
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_outage.ShouldSkip())
            {
                return NotHeld.Instance;
            }

            bool acquired;
            try
            {
                var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                acquired = await database.StringSetAsync(key, token, _duration, When.NotExists).ConfigureAwait(false);
            }
            catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
            {
                _outage.Failed(ex);
                return NotHeld.Instance;
            }

            _outage.Succeeded();
            if (acquired)
            {
                return new Held(this, key, token);
            }

            var waited = Stopwatch.GetElapsedTime(started);
            if (waited >= _duration)
            {
                Log.CheckoutLockNotAcquired(_logger, waited);
                return NotHeld.Instance;
            }

            await Task.Delay(Random.Shared.Next(MinPollMilliseconds, MaxPollMilliseconds + 1), cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask ReleaseAsync(RedisKey key, string token)
    {
        if (_outage.ShouldSkip())
        {
            return; // It expires on its own.
        }

        try
        {
            var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
            await database.ScriptEvaluateAsync(ReleaseScript, [key], [token]).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, CancellationToken.None))
        {
            _outage.Failed(ex);
            return;
        }

        _outage.Succeeded();
    }

    private sealed class Held(RedisCheckoutLock owner, RedisKey key, string token) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => owner.ReleaseAsync(key, token);
    }

    private sealed class NotHeld : IAsyncDisposable
    {
        public static readonly NotHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
