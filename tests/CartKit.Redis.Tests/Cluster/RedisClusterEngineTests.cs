using CartKit.Diagnostics;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.Testing.Engines;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CartKit.Redis.Tests.Cluster;

/// <summary>
/// The engines on a real three-master Redis Cluster: sessions, carts and orders land on every shard, a read sent
/// ahead goes to one node while the session lookup goes to another, and the readiness probe pings every primary.
/// </summary>
[Collection(RedisClusterFixture.Name)]
public sealed class RedisClusterEngineTests(RedisClusterFixture cluster)
{
    [Fact]
    public async Task CartsAndOrders_WorkAcrossEveryShard()
    {
        var prefix = SharedRedis.NewPrefix();
        await using var kit = Kit(cluster.Multiplexer, prefix);
        var sessions = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            var session = await kit.NewSessionAsync();
            ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
            ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 2));
            sessions.Add(session);
        }

        kit.Time.Advance(new CartKitOptions().SessionRecheckInterval); // every read asks for its session again
        foreach (var session in sessions)
        {
            Assert.Equal(3, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).ItemCount);
            Assert.Equal(3, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).ItemCount);
        }

        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(sessions[0])).Order;
        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_cluster"));

        // Every primary holds some of the keys (each node is asked: SCAN on one node sees only its own slots).
        var perPrimary = new List<int>();
        foreach (var server in cluster.Multiplexer.GetServers().Where(s => !s.IsReplica))
        {
            var count = 0;
            await foreach (var _ in server.KeysAsync(pattern: prefix + "*"))
            {
                count++;
            }

            perPrimary.Add(count);
        }

        Assert.Equal(3, perPrimary.Count);
        Assert.All(perPrimary, count => Assert.True(count > 0, $"keys per primary: {string.Join(", ", perPrimary)}"));
    }

    [Fact]
    public async Task TheReadinessProbe_PingsEveryPrimary()
    {
        await using var kit = Kit(cluster.Multiplexer, SharedRedis.NewPrefix());
        var probe = kit.Services.GetServices<ICartKitHealthProbe>().Single(p => p.Name == "redis");

        await probe.ProbeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AShardKilled_IsReportedByTheProbe_AndEveryCartStillAnswers()
    {
        await using var own = await RedisClusterProcess.StartAsync();
        await using var multiplexer = await own.ConnectAsync();
        await using var kit = Kit(multiplexer, SharedRedis.NewPrefix());
        var carts = new List<(string Session, long Version)>();
        for (var i = 0; i < 12; i++)
        {
            var session = await kit.NewSessionAsync();
            carts.Add((session, ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1)).Version));
        }

        var killed = own.Endpoints[1];
        own.Kill(killed);
        kit.Time.Advance(new CartKitOptions().SessionRecheckInterval);

        var probe = kit.Services.GetServices<ICartKitHealthProbe>().Single(p => p.Name == "redis");
        var error = await Assert.ThrowsAnyAsync<RedisException>(() => probe.ProbeAsync(CancellationToken.None));
        Assert.Contains(killed, error.Message, StringComparison.Ordinal);

        // Carts whose keys lived on the dead shard come from the source of truth; none is lost or refused.
        foreach (var (session, version) in carts)
        {
            var read = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
            Assert.Equal(version, read.Version);
        }
    }

    private static CartKitHarness Kit(IConnectionMultiplexer multiplexer, string prefix) => CartKitHarness.Create(b =>
    {
        b.UseInMemoryStorage();
        b.Services.AddSingleton(multiplexer);
        b.UseRedis(o => o.KeyPrefix = prefix);
        b.Services.AddSessionStore<CartSession>(o => o.Prefix = prefix + "s:");
    });
}
