using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CartKit.Benchmarks.Infrastructure;
using StackExchange.Redis;

namespace CartKit.Benchmarks.Scale;

/// <summary>
/// How Redis memory grows: the bytes of one cart entry and one session key by cart size (1, 10, 100 lines, from
/// STRLEN and MEMORY USAGE), and Redis's <c>used_memory</c> before and after 10k and 100k live sessions (each a
/// session key and a cached three-line cart, created through the engine as real traffic would), from which the
/// bytes per session are fitted.
/// </summary>
internal static class ScaleCommand
{
    private static readonly int[] CartSizes = [1, 10, 100];
    private static readonly int[] SessionCounts = [10_000, 100_000];
    private const int LinesPerLiveSession = 3;
    private const int Concurrency = 64;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task RunAsync(string? output)
    {
        await using var stack = BenchStack.Create();
        var sizes = new List<object>();
        foreach (var lines in CartSizes)
        {
            var (sessionId, cart) = await stack.NewCartAsync(lines);
            var entry = await stack.Database.StringLengthAsync(stack.CartKey(cart.Id));
            var cartUsage = await MemoryUsageAsync(stack.Database, stack.CartKey(cart.Id));
            var sessionUsage = await MemoryUsageAsync(stack.Database, stack.SessionKey(sessionId));
            sizes.Add(new { lines, cartEntryBytes = entry, cartKeyMemoryUsage = cartUsage, sessionKeyMemoryUsage = sessionUsage });
            Console.WriteLine($"cart of {lines,3} lines: entry {entry,6} B, MEMORY USAGE cart {cartUsage,6} B, session {sessionUsage} B");
        }

        var populations = new List<object>();
        foreach (var count in SessionCounts)
        {
            var before = await UsedMemoryAsync(stack.Database);
            var watch = Stopwatch.StartNew();
            await CreateSessionsAsync(stack, count);
            var after = await UsedMemoryAsync(stack.Database);
            var keys = await KeyCountAsync(stack.Database);
            var perSession = (after - before) / (double)count;
            populations.Add(new { sessions = count, linesPerCart = LinesPerLiveSession, usedMemoryBefore = before, usedMemoryAfter = after, bytesPerSession = Math.Round(perSession), keysInDatabase = keys, seconds = Math.Round(watch.Elapsed.TotalSeconds, 1) });
            Console.WriteLine($"{count,7} sessions ({LinesPerLiveSession}-line carts): used_memory +{(after - before) / 1048576.0:F1} MiB = {perSession:F0} B per session ({watch.Elapsed.TotalSeconds:F0} s to create)");
        }

        var report = new
        {
            measuredAt = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            machine = MachineInfo.Describe(),
            redis = await RedisVersionAsync(stack.Database),
            sourceOfTruth = BenchStack.SourceOfTruth,
            cartSizes = sizes,
            livePopulations = populations,
        };
        var json = JsonSerializer.Serialize(report, Indented);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, json + "\n", new UTF8Encoding(false));
            Console.WriteLine($"wrote {output}");
        }
        else
        {
            Console.WriteLine(json);
        }
    }

    private static async Task CreateSessionsAsync(BenchStack stack, int count)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await stack.NewCartAsync(LinesPerLiveSession);
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task<long> MemoryUsageAsync(IDatabase database, RedisKey key) =>
        (long)await database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");

    private static async Task<long> UsedMemoryAsync(IDatabase database)
    {
        var info = (string)(await database.ExecuteAsync("INFO", "memory"))!;
        return long.Parse(InfoField(info, "used_memory"), CultureInfo.InvariantCulture);
    }

    private static async Task<long> KeyCountAsync(IDatabase database) => (long)await database.ExecuteAsync("DBSIZE");

    private static async Task<string> RedisVersionAsync(IDatabase database) =>
        InfoField((string)(await database.ExecuteAsync("INFO", "server"))!, "redis_version");

    private static string InfoField(string info, string name) =>
        info.Split('\n').Select(line => line.Trim()).First(line => line.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..];
}
