using CartKit.Diagnostics;
using CartKit.Redis.Connection;
using StackExchange.Redis;

namespace CartKit.Redis.Diagnostics;

// Redis's part of CartKit's readiness check: a PING to the primary. Connecting is bounded too: the client's own connect
// (with its retries) does not observe the token, and a server that accepts connections but never answers would
// otherwise hold the probe past the check's timeout.
internal sealed class RedisHealthProbe(RedisConnection connection) : ICartKitHealthProbe
{
    public string Name => "redis";

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        await database.PingAsync(CommandFlags.DemandMaster).WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
