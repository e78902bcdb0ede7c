using System.Diagnostics;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CartKit.Redis.Tests.Sentinel;

/// <summary>
/// CartKit through Redis Sentinel, with the connection string a host writes (<c>host:port,serviceName=...</c>): a real
/// primary, replica and Sentinel on loopback. The primary is killed, or paused past Sentinel's patience, while shoppers
/// add and read; the Sentinel promotes the replica, and no request fails meanwhile (the source of truth answers until
/// the client follows the switch). The slowest request is reported: that is the stall a failover costs.
/// </summary>
[Collection(RedisTimingGroup.Name)]
public sealed class RedisSentinelTests(ITestOutputHelper output)
{
    private const int Shoppers = 6;

    [Fact]
    public Task APrimaryKilledUnderLoad_FailsNoRequest_AndTheClientFollowsThePromotedReplica() =>
        FailOverUnderLoadAsync("killed", (sentinel, primary) =>
        {
            sentinel.Kill(primary);
            return Task.CompletedTask;
        });

    [Fact]
    public Task APrimaryPausedUnderLoad_FailsNoRequest_AndTheClientFollowsThePromotedReplica() =>
        FailOverUnderLoadAsync("paused", async (sentinel, primary) =>
        {
            // SIGSTOP: the process holds its connections but answers nothing, as a stalled VM or a long GC pause would.
            await sentinel.PauseAsync(primary);
        });

    private async Task FailOverUnderLoadAsync(string what, Func<RedisSentinelProcess, int, Task> failPrimary)
    {
        await using var sentinel = await RedisSentinelProcess.StartAsync();
        var prefix = SharedRedis.NewPrefix();
        await using var kit = CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.UseRedis(o =>
            {
                o.Configuration = sentinel.Configuration;
                o.KeyPrefix = prefix;
            });
            b.Services.AddSessionStore<CartSession>(o => o.Prefix = prefix + "s:");
        });
        var sessions = new List<string>();
        for (var i = 0; i < Shoppers; i++)
        {
            sessions.Add(await kit.NewSessionAsync());
        }

        var primary = await sentinel.PrimaryPortAsync();
        var load = ShopperLoad.Start(kit, sessions);

        await Task.Delay(TimeSpan.FromSeconds(1));
        await failPrimary(sentinel, primary);
        var failover = Stopwatch.StartNew();
        await RedisProcesses.WaitAsync(
            async () => (await sentinel.PrimaryPortAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            port => port != RedisProcesses.Text(primary),
            TimeSpan.FromSeconds(30));
        var promoted = await sentinel.PrimaryPortAsync();

        // Carts written after the switch reach the promoted replica: the client followed it.
        var created = await kit.NewSessionAsync();
        await RedisProcesses.WaitAsync(
            async () =>
            {
                await kit.Carts.AddItemAsync(created, "MUG", 1);
                return await RedisProcesses.CliAsync("-p", RedisProcesses.Text(promoted), "EXISTS", prefix + "s:" + created);
            },
            reply => reply.Trim() == "1",
            TimeSpan.FromSeconds(30));
        var followed = failover.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (requests, failures, slowest) = await load.StopAsync();

        output.WriteLine($"primary {what}: {requests} requests, {failures.Count} failed, slowest {slowest.TotalMilliseconds:F0} ms; the client wrote to the promoted replica {followed.TotalSeconds:F1} s after");
        Assert.True(requests > 100, $"only {requests} requests ran");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed: {string.Join("; ", failures.Distinct().Take(5))}");
    }

    // Shoppers adding and reading at a shopper's pace (1 ms apart: the Sentinel and Redis share the machine's cores with
    // the test), counting requests, failures and the slowest request.
    private sealed class ShopperLoad
    {
        private readonly List<string> _failures = [];
        private readonly CancellationTokenSource _stop = new();
        private Task[] _shoppers = [];
        private int _requests;
        private long _slowestTicks;

        public static ShopperLoad Start(CartKitHarness kit, IEnumerable<string> sessions)
        {
            var load = new ShopperLoad();
            load._shoppers = sessions.Select(session => Task.Run(() => load.ShopAsync(kit, session))).ToArray();
            return load;
        }

        public async Task<(int Requests, IReadOnlyList<string> Failures, TimeSpan Slowest)> StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_shoppers);
            _stop.Dispose();
            return (_requests, _failures, TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks)));
        }

        private async Task ShopAsync(CartKitHarness kit, string session)
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    var added = await kit.Carts.AddItemAsync(session, "MUG", 1);
                    var read = await kit.Carts.GetCartAsync(session);
                    Slowest(Stopwatch.GetElapsedTime(started) / 2);
                    Interlocked.Add(ref _requests, 2);
                    if (!added.Succeeded || !read.Succeeded)
                    {
                        Fail((added.Error ?? read.Error)!.Code.ToString());
                    }

                    if (added.Succeeded && added.Value.Lines.Single().Quantity >= 90)
                    {
                        ResultAssert.Success(await kit.Carts.ClearAsync(session));
                    }

                    await Task.Delay(1);
                }
                catch (Exception ex)
                {
                    Fail(ex.GetType().Name + ": " + ex.Message);
                }
            }
        }

        private void Slowest(TimeSpan elapsed)
        {
            var ticks = elapsed.Ticks;
            var seen = Interlocked.Read(ref _slowestTicks);
            while (ticks > seen && Interlocked.CompareExchange(ref _slowestTicks, ticks, seen) != seen)
            {
                seen = Interlocked.Read(ref _slowestTicks);
            }
        }

        private void Fail(string failure)
        {
            lock (_failures)
            {
                _failures.Add(failure);
            }
        }
    }
}
