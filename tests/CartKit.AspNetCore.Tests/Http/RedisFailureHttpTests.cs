using System.Collections.Concurrent;
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

    [Fact]
    public async Task KilledRestartedAndBackAsAReplica_UnderParallelAddsAndReads_NoRequestFails()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var primary = await RedisServerProcess.StartAsync();
        await using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.Endpoint,
            ["CartKit:Redis:OperationTimeout"] = "00:00:00.300",
            ["CartKit:Redis:FailureBackoff"] = "00:00:00.200",
        });
        // The host starts here: WebApplicationFactory does not start it safely from parallel CreateClient calls.
        using var client = factory.CreateClient();
        var failures = new ConcurrentQueue<string>();
        var requests = 0;
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, 6).Select(_ => Task.Run(() => LoopAsync(factory, failures, () => Interlocked.Increment(ref requests), stop.Token))).ToArray();

        await Task.Delay(1000);
        redis.Kill();
        await Task.Delay(600);
        await redis.RestartAsync();
        await Task.Delay(1000);
        redis.Kill();
        await Task.Delay(400);

        // Back as a replica of another server, as a failed primary rejoins after a failover: it refuses writes.
        await redis.RestartAsync();
        await redis.ReplicaOfAsync(primary);
        await Task.Delay(1500);
        await stop.CancelAsync();
        var acknowledged = (await Task.WhenAll(loops)).SelectMany(x => x).ToList();

        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests} requests failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
        Assert.True(requests > 100, $"only {requests} requests ran");
        var lost = new List<string>();
        foreach (var (session, items) in acknowledged)
        {
            using var read = await client.GetAsync(new Uri($"/api/cart/{session}", UriKind.Relative));
            var count = read.StatusCode == HttpStatusCode.OK ? (await read.JsonAsync()).GetProperty("itemCount").GetInt32() : -1;
            if (count != items)
            {
                lost.Add($"{items} acknowledged, {(int)read.StatusCode} read with {count}");
            }
        }

        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} carts:{Environment.NewLine}{string.Join(Environment.NewLine, lost.Take(10))}");
    }

    // Adds and reads until stopped, a new cart every 20 adds; returns each session with the items acknowledged in it.
    private static async Task<List<(string Session, int Items)>> LoopAsync(
        ConfiguredSampleApiFactory factory,
        ConcurrentQueue<string> failures,
        Func<int> count,
        CancellationToken stop)
    {
        using var client = factory.CreateClient();
        var sessions = new List<(string Session, int Items)>();
        while (!stop.IsCancellationRequested)
        {
            count();
            using var created = await client.PostAsync(new Uri("/api/cart", UriKind.Relative), null, CancellationToken.None);
            if (created.StatusCode != HttpStatusCode.Created && created.StatusCode != HttpStatusCode.OK)
            {
                failures.Enqueue($"create: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(CancellationToken.None)}");
                continue;
            }

            var session = (await created.JsonAsync()).GetProperty("sessionId").GetString()!;
            var items = 0;
            for (var i = 0; i < 20 && !stop.IsCancellationRequested; i++)
            {
                count();
                using (var added = await client.AddItemAsync(session, "MUG-CARTKIT"))
                {
                    if (added.StatusCode == HttpStatusCode.OK)
                    {
                        items++;
                    }
                    else
                    {
                        failures.Enqueue($"add: {(int)added.StatusCode} {await added.Content.ReadAsStringAsync(CancellationToken.None)}");
                    }
                }

                count();
                using var read = await client.GetAsync(new Uri($"/api/cart/{session}", UriKind.Relative), CancellationToken.None);
                if (read.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"get: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync(CancellationToken.None)}");
                }
            }

            sessions.Add((session, items));
        }

        return sessions;
    }

    private static ConfiguredSampleApiFactory Host(string redis) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = redis,
        ["CartKit:Redis:OperationTimeout"] = OperationTimeout.ToString(),
        ["CartKit:Redis:FailureBackoff"] = FailureBackoff.ToString(),
    });
}
