using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CartKit.Redis.Diagnostics;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CartKit.Redis.Tests;

/// <summary>
/// Redis killed (SIGKILL) under parallel adds and reads, restarted empty, then killed again and brought back as a
/// replica of another server (as an orchestrator restarts a failed primary after a failover), so the client's writes to
/// it are refused: every request must still succeed, from Redis or from the source of truth, and no acknowledged item
/// may go missing. Bounded to a few seconds of load so it fits the 2-core CI machine.
/// </summary>
[Collection(RedisTimingGroup.Name)]
public sealed class RedisKilledUnderLoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Loops = 6;

    // Every this many requests a loop starts a new session, so session creates run through the outages too.
    private const int RequestsPerSession = 40;

    private readonly MetricsRecorder _metrics = new();
    private RedisServerProcess _server = null!;
    private RedisServerProcess _primary = null!;
    private CartKitHarness _kit = null!;

    public async Task InitializeAsync()
    {
        _server = await RedisServerProcess.StartAsync();
        _primary = await RedisServerProcess.StartAsync();
        _kit = CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.Services.AddSingleton<IMeterFactory>(_metrics);
            b.UseRedis(o =>
            {
                o.Configuration = _server.Endpoint;
                o.OperationTimeout = TimeSpan.FromMilliseconds(300);
                o.FailureBackoff = TimeSpan.FromMilliseconds(200);
            });
        });
    }

    [Fact]
    public async Task KilledRestartedAndBackAsAReplica_UnderParallelAddsAndReads_EveryRequestSucceeds()
    {
        var failures = new ConcurrentQueue<string>();
        var requests = 0;
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, Loops).Select(_ => Task.Run(() => LoopAsync(failures, () => Interlocked.Increment(ref requests), stop.Token))).ToArray();

        // CartKit's clock moves past the session recheck interval often, so reads keep asking the session store.
        var ticker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                _kit.Time.Advance(new CartKitOptions().SessionRecheckInterval);
                await Task.Delay(50);
            }
        });

        var clock = Stopwatch.StartNew();
        await Task.Delay(1000);
        _server.Kill();
        await Task.Delay(800);
        await _server.RestartAsync();
        await Task.Delay(1200);

        _server.Kill();
        await Task.Delay(500);
        await _server.RestartAsync();
        await _server.ReplicaOfAsync(_primary);
        await Task.Delay(2000);
        var errorsWhileReplica = _metrics.Sum(RedisCacheMetrics.CacheErrors);

        // Restarted as a primary once more: Redis serves carts again.
        _server.Kill();
        await _server.RestartAsync();
        var hits = _metrics.Sum(RedisCacheMetrics.CacheHits);
        var recovered = Stopwatch.StartNew();
        // Generous: in CI the other test assemblies run beside this one on two cores, and the loops keep them busy.
        while (_metrics.Sum(RedisCacheMetrics.CacheHits) < hits + 50 && recovered.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(100);
        }

        await stop.CancelAsync();
        var expected = (await Task.WhenAll(loops)).SelectMany(x => x).ToList();
        await ticker;

        output.WriteLine($"{requests} requests in {clock.Elapsed}; the cache served carts again {recovered.Elapsed} after the last restart; {errorsWhileReplica} cache errors by then");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests} requests failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
        Assert.True(_metrics.Sum(RedisCacheMetrics.CacheHits) >= hits + 50, $"the cache did not serve carts again within {recovered.Elapsed}");
        Assert.True(requests > 200, $"only {requests} requests ran");
        Assert.True(errorsWhileReplica > 0, "no Redis failure was seen: the faults did not reach the client");
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(35));

        // Nothing acknowledged was lost.
        foreach (var (session, items) in expected)
        {
            Assert.Equal(items, ResultAssert.Success(await _kit.Carts.GetCartAsync(session)).ItemCount);
        }
    }

    public async Task DisposeAsync()
    {
        await _kit.DisposeAsync();
        await _server.DisposeAsync();
        await _primary.DisposeAsync();
        _metrics.Dispose();
    }

    // Adds and reads until stopped (a request in flight runs to its end, uncancelled); returns each session with the items acknowledged in it.
    private async Task<List<(string Session, int Items)>> LoopAsync(ConcurrentQueue<string> failures, Func<int> count, CancellationToken stop)
    {
        var sessions = new List<(string Session, int Items)>();
        string? session = null;
        var items = 0;
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                if (i % RequestsPerSession == 0)
                {
                    if (session is not null)
                    {
                        sessions.Add((session, items));
                    }

                    count();
                    var created = await _kit.Carts.CreateSessionAsync(cancellationToken: CancellationToken.None);
                    if (!created.Succeeded)
                    {
                        failures.Enqueue($"create: {created}");
                        session = null;
                        continue;
                    }

                    (session, items) = (created.Value!.SessionId, 0);
                }

                if (session is null)
                {
                    continue;
                }

                count();
                var added = await _kit.Carts.AddItemAsync(session, "MUG", 1, cancellationToken: CancellationToken.None);
                if (added.Succeeded)
                {
                    items++;
                }
                else
                {
                    failures.Enqueue($"add: {added}");
                }

                count();
                var read = await _kit.Carts.GetCartAsync(session, CancellationToken.None);
                if (!read.Succeeded)
                {
                    failures.Enqueue($"get: {read}");
                }
                else if (read.Value!.ItemCount != items)
                {
                    failures.Enqueue($"get: {read.Value.ItemCount} items, {items} acknowledged");
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue($"{ex.GetType()}: {ex.Message}{Environment.NewLine}{ex.StackTrace}");
            }
        }

        if (session is not null)
        {
            sessions.Add((session, items));
        }

        return sessions;
    }
}
