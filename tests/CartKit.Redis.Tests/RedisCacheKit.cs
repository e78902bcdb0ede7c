using CartKit.Caching;
using CartKit.Redis.Caching;
using CartKit.Redis.Connection;
using CartKit.Redis.Diagnostics;
using CartKit.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace CartKit.Redis.Tests;

/// <summary>A <see cref="RedisCartCache"/> on the shared server under a key prefix of its own, with its metrics recorded.</summary>
internal sealed class RedisCacheKit : IDisposable
{
    private readonly IConnectionMultiplexer _multiplexer;

    public RedisCacheKit(Action<RedisCartKitOptions>? configure = null, IConnectionMultiplexer? multiplexer = null)
    {
        Options = new RedisCartKitOptions { KeyPrefix = SharedRedis.NewPrefix() };
        configure?.Invoke(Options);
        _multiplexer = multiplexer ?? SharedRedis.Multiplexer;
        Connection = multiplexer is null ? SharedRedis.Connection(Options) : SharedRedis.Connection(Options, multiplexer);
        Outage = SharedRedis.Outage(Options.FailureBackoff);
        Keys = new RedisKeys(Microsoft.Extensions.Options.Options.Create(Options));
        Cache = new RedisCartCache(
            Connection,
            Outage,
            Keys,
            new RedisCacheMetrics(Metrics),
            new ReuseTables(new ReuseTablesOptions(), new ReuseMetrics(Metrics)),
            Microsoft.Extensions.Options.Options.Create(Options),
            NullLogger<RedisCartCache>.Instance,
            TimeProvider.System);
    }

    public RedisCartKitOptions Options { get; }

    public RedisConnection Connection { get; }

    public RedisOutage Outage { get; }

    public RedisKeys Keys { get; }

    public RedisCartCache Cache { get; }

    public MetricsRecorder Metrics { get; } = new();

    public IDatabase Database => _multiplexer.GetDatabase();

    public RedisKey CartKey(string cartId) => Options.KeyPrefix + "c:" + cartId;

    public RedisKey OrderKey(string orderId) => Options.KeyPrefix + "o:" + orderId;

    public void Dispose()
    {
        Cache.Dispose();
        Metrics.Dispose();
    }
}
