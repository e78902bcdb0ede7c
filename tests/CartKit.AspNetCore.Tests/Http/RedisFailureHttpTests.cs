using System.Diagnostics;
using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.TestSupport;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>
/// Redis failing under the real sample host, over HTTP: stopped mid-test, and hung (accepting connections, never
/// answering). Carts keep answering from the source of truth, within the configured bound, and nothing is lost.
/// </summary>
[Collection(TimingGroup.Name)]
public sealed class RedisFailureHttpTests
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);

    // A request waits at most for the connection attempt and one command (each OperationTimeout) before answering from
    // the source of truth, and not at all during the back-off; plus room for a loaded machine.
    private static readonly TimeSpan Bound = (2 * OperationTimeout) + TimeSpan.FromSeconds(2);

    [Fact]
    public async Task WithRedisStoppedMidTest_CartsStillAnswer_AndNothingIsLost_ThenRedisRefills()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var factory = Host(redis.Endpoint);
        using var client = factory.CreateClient();
        var (sessionId, _) = await client.CreateCartAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.AddItemAsync(sessionId, "MUG-CARTKIT")).StatusCode);
        Assert.Equal(1, (await client.GetCartAsync(sessionId)).GetProperty("itemCount").GetInt32());

        redis.Kill();

        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var added = await client.AddItemAsync(sessionId, "MUG-CARTKIT");
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.True(clock.Elapsed < Bound, $"adding an item took {clock.Elapsed} with Redis down");

            clock.Restart();
            Assert.Equal(2 + i, (await client.GetCartAsync(sessionId)).GetProperty("itemCount").GetInt32());
            Assert.True(clock.Elapsed < Bound, $"reading the cart took {clock.Elapsed} with Redis down");

            // Past the back-off, so the next request probes Redis again instead of skipping it.
            await Task.Delay(FailureBackoff + TimeSpan.FromMilliseconds(100));
        }

        // Back, empty: the session is restored from the source of truth and the cart is whole.
        await redis.RestartAsync();
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/cart/{sessionId}");
            return response.StatusCode == HttpStatusCode.OK
                && (await response.JsonAsync()).GetProperty("itemCount").GetInt32() == 4;
        }, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task WithARedisThatNeverAnswers_EveryRequestAnswersWithinTheBound()
    {
        using var blackhole = new RedisBlackhole();
        await using var factory = Host(blackhole.Endpoint);
        using var client = factory.CreateClient();

        var clock = Stopwatch.StartNew();
        var (sessionId, _) = await client.CreateCartAsync();
        Assert.True(clock.Elapsed < Bound, $"creating a cart took {clock.Elapsed}");

        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            using var added = await client.AddItemAsync(sessionId, "MUG-CARTKIT");
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.True(clock.Elapsed < Bound, $"adding an item took {clock.Elapsed}");

            clock.Restart();
            Assert.Equal(i + 1, (await client.GetCartAsync(sessionId)).GetProperty("itemCount").GetInt32());
            Assert.True(clock.Elapsed < Bound, $"reading the cart took {clock.Elapsed}");

            // Past the back-off, so every round probes the hung Redis again and pays its timeout at most once more.
            await Task.Delay(FailureBackoff + TimeSpan.FromMilliseconds(100));
        }

        Assert.True(blackhole.Accepted > 0, "the host never tried the hung Redis");
    }

    private static ConfiguredSampleApiFactory Host(string redis) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = redis,
        ["CartKit:Redis:OperationTimeout"] = OperationTimeout.ToString(),
        ["CartKit:Redis:FailureBackoff"] = FailureBackoff.ToString(),
    });
}
