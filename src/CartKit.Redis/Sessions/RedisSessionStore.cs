using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CartKit.Redis.Connection;
using CartKit.Sessions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CartKit.Redis.Sessions;

// ISessionStore<T> on Redis: one string key per session, SessionStoreOptions<T>.Prefix + id, holding the session as
// JSON (source-generated when the session type's options carry a JsonTypeInfo) with a Redis TTL. Redis expires keys
// on its own clock; ExpiresAt is reported from the injected TimeProvider plus what Redis keeps.
//
// Round trips: Get is one (GETEX with PX refreshes a sliding TTL in the same command; GET and PTTL are pipelined for
// an absolute one), Create one (SET NX PX), Set one (SET PX, or a one-key script that keeps an absolute expiry),
// Remove one (DEL). Failures become SessionStoreUnavailableException, which the cart engine answers from the source
// of truth; while an outage lasts the store fails at once instead of waiting for Redis.
internal sealed class RedisSessionStore<T> : ISessionStore<T>
    where T : class
{
    // SET that keeps the remaining TTL of a live session (absolute expiry) or starts a new one; returns the TTL in ms.
    internal const string SetKeepingExpiryScript = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl > 0 then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
          return ttl
        end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return tonumber(ARGV[2])
        """;

    private readonly SessionStoreOptions<T> _options;
    private readonly RedisConnection _connection;
    private readonly RedisOutage _outage;
    private readonly TimeProvider _time;
    private readonly RedisKey _prefix;
    private readonly JsonTypeInfo<T> _json;
    private readonly long _ttlMilliseconds;

    public RedisSessionStore(IOptions<SessionStoreOptions<T>> options, RedisConnection connection, RedisOutage outage, TimeProvider time)
    {
        _options = options.Value;
        _connection = connection;
        _outage = outage;
        _time = time;
        _prefix = RedisKeys.Prefix(_options.Prefix);
        _json = _options.JsonTypeInfo ?? (JsonTypeInfo<T>)JsonSerializerOptions.Web.GetTypeInfo(typeof(T));
        _ttlMilliseconds = (long)_options.Ttl.TotalMilliseconds;
    }

    public async ValueTask<SessionEntry<T>> CreateAsync(T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var payload = JsonSerializer.SerializeToUtf8Bytes(value, _json);
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var id = SessionIds.New();
            RedisKeys.TrySession(_prefix, id, out var key);

            // NX: 192 random bits never collide in practice, but a create must never overwrite a live session.
            bool created;
            try
            {
                created = await database.StringSetAsync(key, payload, _options.Ttl, When.NotExists).ConfigureAwait(false);
            }
            catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
            {
                throw Unavailable(ex);
            }

            if (created)
            {
                _outage.Succeeded();
                return new SessionEntry<T>(id, value, _time.GetUtcNow() + _options.Ttl);
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<SessionEntry<T>?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!RedisKeys.TrySession(_prefix, sessionId, out var key))
        {
            return null;
        }

        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        RedisValue payload;
        TimeSpan remaining;
        try
        {
            if (_options.SlidingExpiration)
            {
                payload = await database.StringGetSetExpiryAsync(key, _options.Ttl).ConfigureAwait(false);
                remaining = _options.Ttl;
            }
            else
            {
                // Pipelined: both commands leave before either answer is awaited, so this is one round trip.
                var get = database.StringGetAsync(key);
                var ttl = database.KeyTimeToLiveAsync(key);
                payload = await get.ConfigureAwait(false);
                remaining = await ttl.ConfigureAwait(false) ?? _options.Ttl;
            }
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }

        _outage.Succeeded();

        return payload.IsNull
            ? null
            : new SessionEntry<T>(sessionId, Deserialize(payload), _time.GetUtcNow() + remaining);
    }

    public async ValueTask<SessionEntry<T>> SetAsync(string sessionId, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!RedisKeys.TrySession(_prefix, sessionId, out var key))
        {
            throw new ArgumentException("The session id is malformed.", nameof(sessionId));
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(value, _json);
        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan remaining;
        try
        {
            if (_options.SlidingExpiration)
            {
                await database.StringSetAsync(key, payload, _options.Ttl).ConfigureAwait(false);
                remaining = _options.Ttl;
            }
            else
            {
                var milliseconds = (long)await database.ScriptEvaluateAsync(SetKeepingExpiryScript, [key], [payload, _ttlMilliseconds])
                    .ConfigureAwait(false);
                remaining = TimeSpan.FromMilliseconds(milliseconds);
            }
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }

        _outage.Succeeded();
        return new SessionEntry<T>(sessionId, value, _time.GetUtcNow() + remaining);
    }

    public async ValueTask<bool> RemoveAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!RedisKeys.TrySession(_prefix, sessionId, out var key))
        {
            return false;
        }

        var database = await DatabaseAsync(cancellationToken).ConfigureAwait(false);
        bool removed;
        try
        {
            removed = await database.KeyDeleteAsync(key).ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }

        _outage.Succeeded();
        return removed;
    }

    // StackExchange.Redis takes no cancellation token: a cancelled request stops before its command is sent, and a
    // sent command is bounded by the connection's timeout.
    private ValueTask<IDatabase> DatabaseAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_outage.ShouldSkip())
        {
            throw new SessionStoreUnavailableException("Redis is unavailable; it is skipped until its back-off window ends.");
        }

        return _connection.ConnectedDatabase is { } database ? ValueTask.FromResult(database) : ConnectAsync(cancellationToken);
    }

    private async ValueTask<IDatabase> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.GetDatabaseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (RedisOutage.IsRedisFailure(ex, cancellationToken))
        {
            throw Unavailable(ex);
        }
    }

    private T Deserialize(RedisValue payload) =>
        JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)payload).Span, _json)
            ?? throw new JsonException("A stored session was JSON null.");

    private SessionStoreUnavailableException Unavailable(Exception exception)
    {
        _outage.Failed(exception);
        return new SessionStoreUnavailableException("Redis did not answer the session store.", exception);
    }
}
