using CartKit.Caching;
using CartKit.Redis.Connection;
using CartKit.Sessions;
using CartKit.Testing.Caching;
using CartKit.Testing.Sessions;
using CartKit.TestSupport;

namespace CartKit.Redis.Tests.Cluster;

/// <summary>CartKit.Testing's cache contract against <see cref="Caching.RedisCartCache"/> on a three-master Redis Cluster.</summary>
[Collection(RedisClusterFixture.Name)]
public sealed class RedisClusterCartCacheContractTests(RedisClusterFixture cluster) : CartCacheContractTests, IDisposable
{
    private readonly RedisCacheKit _kit = new(multiplexer: cluster.Multiplexer);

    protected override Task<ICartCache> CreateCacheAsync() => Task.FromResult<ICartCache>(_kit.Cache);

    public void Dispose() => _kit.Dispose();
}

/// <summary>CartKit.Testing's session store contract on a three-master Redis Cluster.</summary>
[Collection(RedisClusterFixture.Name)]
public sealed class RedisClusterSessionStoreContractTests(RedisClusterFixture cluster) : SessionStoreContractTests
{
    private readonly string _prefix = SharedRedis.NewPrefix();
    private readonly RedisConnection _connection = SharedRedis.Connection(multiplexer: cluster.Multiplexer);

    protected override TimeSpan Ttl => TimeSpan.FromSeconds(2);

    protected override ISessionStore<T> CreateStore<T>(string prefix, TimeSpan ttl, bool sliding = true) =>
        SharedRedis.SessionStore<T>(_prefix + prefix, ttl, sliding, _connection);

    protected override Task AdvanceAsync(TimeSpan by) => Task.Delay(by);
}
