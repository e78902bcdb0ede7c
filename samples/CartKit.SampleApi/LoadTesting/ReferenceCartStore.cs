using StackExchange.Redis;

namespace CartKit.SampleApi.LoadTesting;

/// <summary>
/// The reference endpoint's own Redis connection, created lazily from <c>ConnectionStrings:Redis</c>. It is
/// deliberately not registered as <see cref="IConnectionMultiplexer"/>: CartKit would then reuse it and run with its
/// settings instead of the connection it creates for itself, and the load test would no longer measure CartKit as
/// configured.
/// </summary>
internal sealed class ReferenceCartStore(string configuration) : IAsyncDisposable
{
    /// <summary>Where the load script stores, per session, the exact body <c>GET /api/cart/{sessionId}</c> returned.</summary>
    public const string KeyPrefix = "cartkit-loadref:";

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(configuration));

    /// <summary>The stored body, or <see langword="null"/> when there is none; the caller disposes the lease.</summary>
    public async Task<Lease<byte>?> GetAsync(string sessionId)
    {
        var connection = await _connection.Value;
        return await connection.GetDatabase().StringGetLeaseAsync(KeyPrefix + sessionId);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }

    // The same settings CartKit gives a connection it creates (see docs/redis.md), so the two differ only in the code
    // that runs per request.
    private static Task<ConnectionMultiplexer> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = options.SyncTimeout = options.AsyncTimeout = 1000;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.ConnectAsync(options);
    }
}
