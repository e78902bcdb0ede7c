using CartKit.Sessions;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Redis.Tests;

/// <summary>
/// In-memory sources of truth behind the Redis cache, with sessions and the checkout lock in Redis: the shared
/// server, the connection registered by the "host", and a key prefix per test so parallel tests never meet.
/// </summary>
/// <remarks>
/// The engine suites move a fake clock while Redis expires keys on the real one. The TTLs here (the cart session's
/// 30 minutes, the cache's 10) are far longer than any test runs, so real expiry never happens mid-test; the engine's
/// own rules (restore, abandonment) use the fake clock as everywhere else. A test that needs Redis itself to expire a
/// session when fake time passes cannot hold here and is excluded by name, with the reason, where the suite is run.
/// </remarks>
public sealed class RedisCachedStorage : StorageProfile
{
    public string KeyPrefix { get; } = SharedRedis.NewPrefix();

    public override void Configure(ICartKitBuilder builder)
    {
        builder.UseInMemoryStorage();
        builder.Services.AddSingleton(SharedRedis.Multiplexer);
        builder.UseRedis(o => o.KeyPrefix = KeyPrefix);
        builder.Services.AddSessionStore<CartSession>(o => o.Prefix = KeyPrefix + "s:");
    }
}
