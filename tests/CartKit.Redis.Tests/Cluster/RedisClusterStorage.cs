using CartKit.Sessions;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CartKit.Redis.Tests.Cluster;

/// <summary>
/// <see cref="RedisCachedStorage"/> on a Redis Cluster: in-memory sources of truth behind the cache, with sessions, the
/// cart cache and the checkout lock on a three-master cluster this test process starts once (and stops when it exits),
/// a key prefix per test so parallel tests never meet.
/// </summary>
public sealed class RedisClusterStorage : StorageProfile
{
    private static readonly Lazy<(RedisClusterProcess Cluster, ConnectionMultiplexer Client)> Shared = new(
        static () =>
        {
            var cluster = RedisClusterProcess.StartAsync().GetAwaiter().GetResult();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return (cluster, cluster.ConnectAsync().GetAwaiter().GetResult());
        },
        LazyThreadSafetyMode.ExecutionAndPublication);

    public string KeyPrefix { get; } = SharedRedis.NewPrefix();

    public override void Configure(ICartKitBuilder builder)
    {
        builder.UseInMemoryStorage();
        builder.Services.AddSingleton<IConnectionMultiplexer>(Shared.Value.Client);
        builder.UseRedis(o => o.KeyPrefix = KeyPrefix);
        builder.Services.AddSessionStore<CartSession>(o => o.Prefix = KeyPrefix + "s:");
    }
}
