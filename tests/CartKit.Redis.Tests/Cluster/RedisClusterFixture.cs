using CartKit.TestSupport;
using StackExchange.Redis;

namespace CartKit.Redis.Tests.Cluster;

/// <summary>One real three-master Redis Cluster for the tests of the <see cref="Name"/> collection, and a client of it.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    public const string Name = "redis-cluster";

    private RedisClusterProcess? _cluster;
    private ConnectionMultiplexer? _multiplexer;

    internal RedisClusterProcess Cluster => _cluster!;

    public IConnectionMultiplexer Multiplexer => _multiplexer!;

    public async Task InitializeAsync()
    {
        _cluster = await RedisClusterProcess.StartAsync();
        _multiplexer = await _cluster.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(RedisClusterFixture.Name)]
public sealed class RedisClusterGroup : ICollectionFixture<RedisClusterFixture>;
