using CartKit.TestSupport;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// The sample with <c>ConnectionStrings:Redis</c> set: sessions, the cart cache and the checkout lock in a real Redis
/// (CARTKIT_TEST_REDIS, or a private redis-server), under a key prefix of its own so parallel suites never meet.
/// The source of truth stays in memory.
/// </summary>
public sealed class RedisSampleApiFactory : SampleApiFactory
{
    public string KeyPrefix { get; } = SharedRedis.NewPrefix();

    public string SessionPrefix => KeyPrefix + "s:";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = SharedRedis.Endpoint,
        ["CartKit:Redis:KeyPrefix"] = KeyPrefix,
    };
}
