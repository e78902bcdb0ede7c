using System.Net;
using CartKit.Diagnostics;
using CartKit.Redis.Connection;
using StackExchange.Redis;

namespace CartKit.Redis.Diagnostics;

// Redis's part of CartKit's readiness check: a PING to every primary, so one dead shard of a cluster is reported, not
// hidden behind a healthy one. On a cluster the primaries are those the cluster itself says own slots (after a failover,
// the promoted replica, not the dead node); otherwise every server the client knows as a primary. Connecting is bounded
// too: the client's own connect (with its retries) does not observe the token, and a server that accepts connections
// but never answers would otherwise hold the probe past the check's timeout.
internal sealed class RedisHealthProbe(RedisConnection connection) : ICartKitHealthProbe
{
    public string Name => "redis";

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        var multiplexer = database.Multiplexer;
        var pings = Primaries(multiplexer).Select(endpoint => PingAsync(multiplexer, endpoint)).ToArray();
        if (pings.Length == 0)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No Redis primary is known to the client.");
        }

        await Task.WhenAll(pings).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<EndPoint> Primaries(IConnectionMultiplexer multiplexer)
    {
        var servers = multiplexer.GetServers();
        var cluster = servers.FirstOrDefault(static s => s.IsConnected && s.ServerType == ServerType.Cluster)?.ClusterConfiguration;
        return cluster is null
            ? servers.Where(static s => !s.IsReplica).Select(static s => s.EndPoint)
            : cluster.Nodes.Where(static n => !n.IsReplica && n.Slots.Count > 0 && n.EndPoint is not null).Select(static n => n.EndPoint!);
    }

    private static async Task PingAsync(IConnectionMultiplexer multiplexer, EndPoint endpoint)
    {
        try
        {
            await multiplexer.GetServer(endpoint).PingAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, $"The Redis primary {endpoint} did not answer PING.", ex);
        }
    }
}
