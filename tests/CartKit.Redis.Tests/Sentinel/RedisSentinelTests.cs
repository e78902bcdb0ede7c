using System.Diagnostics;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CartKit.Redis.Tests.Sentinel;

/// <summary>
/// CartKit through Redis Sentinel, with the connection string a host writes (<c>host:port,serviceName=...</c>): a real
/// primary, replica and Sentinel on loopback. The primary is killed while shoppers add and read; the Sentinel promotes
/// the replica, and no request fails meanwhile (the source of truth answers until the client follows the switch).
/// </summary>
[Collection(RedisTimingGroup.Name)]
public sealed class RedisSentinelTests(ITestOutputHelper output)
{
    private const int Shoppers = 6;

    [Fact]
    public async Task APrimaryKilledUnderLoad_FailsNoRequest_AndTheClientFollowsThePromotedReplica()
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
        var failures = new List<string>();
        var requests = 0;
        using var stop = new CancellationTokenSource();
        var shoppers = sessions.Select(session => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var added = await kit.Carts.AddItemAsync(session, "MUG", 1);
                    var read = await kit.Carts.GetCartAsync(session);
                    Interlocked.Add(ref requests, 2);
                    if (!added.Succeeded || !read.Succeeded)
                    {
                        lock (failures)
                        {
                            failures.Add((added.Error ?? read.Error)!.Code.ToString());
                        }
                    }

                    if (added.Succeeded && added.Value.Lines.Single().Quantity >= 90)
                    {
                        ResultAssert.Success(await kit.Carts.ClearAsync(session));
                    }

                    // A shopper's pace, not a spin: the Sentinel and Redis share the machine's cores with the test.
                    await Task.Delay(1);
                }
                catch (Exception ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex.GetType().Name + ": " + ex.Message);
                    }
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(1));
        sentinel.Kill(primary);
        var failover = Stopwatch.StartNew();
        await RedisProcesses.WaitAsync(async () => (await sentinel.PrimaryPortAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), port => port != RedisProcesses.Text(primary), TimeSpan.FromSeconds(30));
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
        await stop.CancelAsync();
        await Task.WhenAll(shoppers);

        output.WriteLine($"{requests} requests, {failures.Count} failed; the client wrote to the promoted replica {followed.TotalSeconds:F1} s after the kill");
        Assert.True(requests > 100, $"only {requests} requests ran");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed (client followed the switch after {followed.TotalSeconds:F1} s): {string.Join("; ", failures.Distinct().Take(5))}");
    }
}
