using StackExchange.Redis;

namespace CartKit.Redis;

/// <summary>
/// Options for <c>AddCartKit().UseRedis(...)</c>: where Redis is, how CartKit names its keys, how long cache entries
/// live, and how long CartKit waits for Redis before answering from the source of truth instead.
/// </summary>
/// <remarks>
/// The connection is chosen in this order: <see cref="ConnectionMultiplexerFactory"/>; an
/// <see cref="IConnectionMultiplexer"/> the host registered in the container (as Aspire's Redis client integration
/// does); <see cref="Configuration"/>; the <c>Redis</c> connection string (<c>ConnectionStrings:Redis</c>).
/// A connection CartKit creates itself uses <c>AbortOnConnectFail = false</c> (a Redis that is down at start never
/// breaks the host), <see cref="OperationTimeout"/> for its timeouts and fails fast while disconnected.
/// </remarks>
public sealed class RedisCartKitOptions
{
    /// <summary>Gets or sets a StackExchange.Redis configuration string (for example <c>localhost:6379</c>).</summary>
    /// <value><see langword="null"/>: use a registered <see cref="IConnectionMultiplexer"/> or <c>ConnectionStrings:Redis</c>.</value>
    public string? Configuration { get; set; }

    /// <summary>
    /// Gets or sets a factory for the connection, called once, the first time CartKit needs Redis. CartKit does not
    /// dispose a connection it did not create itself from <see cref="Configuration"/> or a connection string.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public Func<Task<IConnectionMultiplexer>>? ConnectionMultiplexerFactory { get; set; }

    /// <summary>
    /// Gets or sets the service key of a keyed <see cref="IConnectionMultiplexer"/> the host registered, for example with
    /// .NET Aspire's <c>builder.AddKeyedRedisClient("cache")</c>. When set, that connection is used and must exist.
    /// </summary>
    /// <value><see langword="null"/>: the unkeyed registration, <see cref="Configuration"/> or <c>ConnectionStrings:Redis</c>.</value>
    public string? ServiceKey { get; set; }

    /// <summary>
    /// Gets or sets the prefix of every cache and lock key CartKit writes (sessions use the prefix of their own session
    /// type, <c>SessionStoreOptions&lt;T&gt;.Prefix</c>). Letters, digits and <c>:</c>, <c>-</c>, <c>_</c>, <c>.</c>;
    /// at most 64 characters.
    /// </summary>
    /// <value><c>cartkit:</c>.</value>
    public string KeyPrefix { get; set; } = "cartkit:";

    /// <summary>Gets or sets how long a cached cart lives in Redis after it was last written there.</summary>
    /// <value>10 minutes. Between 1 second and 1 day.</value>
    public TimeSpan CartCacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how long a cached order (only paid or superseded orders are cached) lives in Redis.</summary>
    /// <value>1 hour. Between 1 second and 7 days.</value>
    public TimeSpan OrderCacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how long CartKit waits for Redis (connecting, and each command of a connection it created) before
    /// treating it as down and answering from the source of truth.
    /// </summary>
    /// <value>1 second. Between 10 milliseconds and 30 seconds.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets how long CartKit skips Redis after a failure before trying it again, so that an outage costs one
    /// timeout per window instead of one per request.
    /// </summary>
    /// <value>2 seconds. Between 0 (try on every request) and 5 minutes.</value>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how long a checkout holds its cart's lock at most (it expires on its own if the process dies), and
    /// so how long another checkout of the same cart waits for it before going ahead without it.
    /// </summary>
    /// <value>10 seconds. Between 1 second and 5 minutes.</value>
    public TimeSpan CheckoutLockDuration { get; set; } = TimeSpan.FromSeconds(10);
}
