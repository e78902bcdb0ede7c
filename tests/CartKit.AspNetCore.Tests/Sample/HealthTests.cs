using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.TestSupport;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>Readiness reflects the configured stores and answers within its timeout; liveness does not depend on them.</summary>
[Collection(TimingGroup.Name)]
public sealed class HealthTests
{
    // The check's own timeout (2 s), plus room for a loaded machine.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task WithRedisStopped_ReadinessIsUnhealthyWithinTheTimeout_AndRecoversWhenRedisReturns()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.Endpoint });
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        redis.Kill();
        var (status, elapsed) = await TimedAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(elapsed < Bound, $"took {elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        await redis.RestartAsync();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WithARedisThatNeverAnswers_ReadinessIsUnhealthyWithinTheTimeout()
    {
        using var blackhole = new RedisBlackhole();
        await using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = blackhole.Endpoint,
        });
        using var client = factory.CreateClient();

        var (status, elapsed) = await TimedAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(elapsed < Bound, $"took {elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task WithMongoDbUnreachable_ReadinessIsUnhealthyWithinTheTimeout()
    {
        // Server selection would wait 30 s; the check's timeout must cut it short.
        await using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Mongo"] = $"mongodb://127.0.0.1:{RedisServerProcess.FreePort()}/?serverSelectionTimeoutMS=30000",
            ["CartKit:Mongo:CreateIndexesOnStartup"] = "false",
        });
        using var client = factory.CreateClient();

        var (status, elapsed) = await TimedAsync(client, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(elapsed < Bound, $"took {elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> TimedAsync(HttpClient client, string path)
    {
        var started = TimeProvider.System.GetTimestamp();
        using var response = await client.GetAsync(path);
        return (response.StatusCode, TimeProvider.System.GetElapsedTime(started));
    }
}
