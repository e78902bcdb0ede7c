using CartKit.MongoDB;
using CartKit.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using StackExchange.Redis;

namespace CartKit.Diagnostics;

// Readiness: every backend CartKit was configured with answers (MongoDB a ping, Redis a PING), probed in parallel.
// Which backends exist is read from the container when the check runs, so registration order does not matter. The
// registration's timeout cancels the probes, so a hung server cannot hang the probe endpoint.
internal sealed class CartKitHealthCheck(IServiceProvider services) : IHealthCheck
{
    private static readonly BsonDocument Ping = new("ping", 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probes = new List<(string Name, Task Probe)>();
        if (services.GetService<MongoCollections>() is { } mongo)
        {
            probes.Add(("mongodb", mongo.Carts.Database.RunCommandAsync<BsonDocument>(Ping, cancellationToken: cancellationToken)));
        }

        if (services.GetService<RedisConnection>() is { } redis)
        {
            probes.Add(("redis", PingAsync(redis, cancellationToken)));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failed = new List<string>();
        foreach (var (name, probe) in probes)
        {
            try
            {
                await probe.ConfigureAwait(false);
                data[name] = "reachable";
            }
#pragma warning disable CA1031 // Any failure of a probe is the answer "unreachable"; the exception type says why.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                cancellationToken.ThrowIfCancellationRequested();
                data[name] = "unreachable: " + ex.GetType().Name;
                failed.Add(name);
            }
        }

        return failed.Count == 0
            ? HealthCheckResult.Healthy(probes.Count == 0 ? "In-memory stores." : "Every configured store answers.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"Not answering: {string.Join(", ", failed)}.", data: data);
    }

    // Connecting is bounded too: the client's own connect (with its retries) does not observe the token, and a server
    // that accepts connections but never answers would otherwise hold the probe past its timeout.
    private static async Task PingAsync(RedisConnection connection, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        await database.PingAsync(CommandFlags.DemandMaster).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
