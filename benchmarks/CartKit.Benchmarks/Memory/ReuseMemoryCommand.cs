using System.Globalization;
using System.Text;
using System.Text.Json;
using CartKit.AspNetCore.Http;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Caching;
using CartKit.Domain;
using CartKit.Redis.Caching;
using CartKit.Sessions;

namespace CartKit.Benchmarks.Memory;

/// <summary>
/// The worst-case memory of ReuseTables, measured: each table is filled to its default capacity in a fresh component,
/// once with 5-line carts (a typical shop) and once with the largest entries a table keeps (a cache entry just under
/// DecodedCarts.MaxEntryBytes, a response body just under RenderedCarts.MaxBodyBytes), and the managed heap is read
/// after a full collection before and after. A table never holds more than its capacity: the write past it starts the
/// table over.
/// </summary>
internal static class ReuseMemoryCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task RunAsync(string? output)
    {
        var options = new ReuseTablesOptions();
        var rows = new List<object>
        {
            Measure(RecentSessions.Table, "guest sessions: a 32-character id, a 22-character cart id", options.SessionCapacity, (reuse, n) => FillSessions(reuse, n, userId: null)),
            Measure(RecentSessions.Table, "signed-in sessions, with a 36-character user id", options.SessionCapacity, (reuse, n) => FillSessions(reuse, n, userId: Guid.Empty.ToString())),
            Measure("decoded_carts", "5-line carts", options.CartCapacity, (reuse, n) => FillDecoded(reuse, n, lines: 5)),
            Measure("decoded_carts", $"entries just under {DecodedCarts.MaxEntryBytes} bytes", options.CartCapacity, (reuse, n) => FillDecoded(reuse, n, lines: LinesUnder(DecodedCarts.MaxEntryBytes, RedisCacheFormat.WriteCart))),
            Measure("rendered_carts", "5-line carts", options.CartCapacity, (reuse, n) => FillRendered(reuse, n, lines: 5)),
            Measure("rendered_carts", $"bodies just under {RenderedCarts.MaxBodyBytes} bytes", options.CartCapacity, (reuse, n) => FillRendered(reuse, n, lines: LinesUnder(RenderedCarts.MaxBodyBytes, c => RenderedCarts.Render(NewTables(), c).Body))),
            Measure("strings", "64-byte skus and names (the longest kept)", options.StringSlots, FillStrings),
        };

        var report = new
        {
            measuredAt = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            machine = MachineInfo.Describe(),
            command = "benchmarks/run.sh reuse-memory",
            options = new { options.CartCapacity, options.SessionCapacity, options.StringSlots },
            tables = rows,
        };
        var json = JsonSerializer.Serialize(report, Indented);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, json + "\n", new UTF8Encoding(false));
            Console.WriteLine($"wrote {output}");
        }

        Console.WriteLine(json);
    }

    private static object Measure(string table, string entries, int capacity, Action<ReuseTables, int> fill)
    {
        var reuse = NewTables();
        var before = Heap();
        fill(reuse, capacity);
        var after = Heap();
        GC.KeepAlive(reuse);
        var bytes = after - before;
        Console.WriteLine($"{table,-15} {entries,-50} {capacity,7} entries: {bytes / 1048576.0,6:F1} MiB ({bytes / capacity,6:N0} B per entry)");
        return new { table, entries, capacity, bytes, megabytes = Math.Round(bytes / 1048576.0, 1), bytesPerEntry = bytes / capacity };
    }

    private static ReuseTables NewTables() => new(new ReuseTablesOptions(), new ReuseMetrics());

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    // As the session store answers them: each entry with its own strings.
    private static void FillSessions(ReuseTables reuse, int count, string? userId)
    {
        var table = reuse.ForSessions<SessionEntry<CartSession>>(RecentSessions.Table);
        var expiresAt = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var session = new SessionEntry<CartSession>(SessionIds.New(), new CartSession(CartKitIds.NewCartId(), userId is null ? null : new string(userId)), expiresAt);
            table.Set(session.Id, session);
        }
    }

    private static void FillDecoded(ReuseTables reuse, int count, int lines)
    {
        var decoded = new DecodedCarts(reuse);
        for (var i = 0; i < count; i++)
        {
            var entry = RedisCacheFormat.WriteCart(NewCart(lines));
            var cart = RedisCacheFormat.ReadCart(entry);

            // A cart read twice keeps its snapshot and a copy of the entry's bytes: the larger of its two states.
            decoded.Read(cart.Id, entry);
            decoded.Read(cart.Id, entry);
        }
    }

    private static void FillRendered(ReuseTables reuse, int count, int lines)
    {
        for (var i = 0; i < count; i++)
        {
            RenderedCarts.Render(reuse, NewCart(lines));
        }
    }

    private static void FillStrings(ReuseTables reuse, int count)
    {
        // Random 64-byte values: every slot ends up holding the longest string it keeps.
        for (var i = 0; i < count * 4; i++)
        {
            reuse.GetString(Encoding.UTF8.GetBytes(CartKitIds.NewCartId() + CartKitIds.NewCartId() + CartKitIds.NewCartId()[..20]));
        }
    }

    // The most lines of the benchmark catalog's products that keep the encoded cart under the limit.
    private static int LinesUnder(int limit, Func<Cart, byte[]> encode)
    {
        var lines = 1;
        while (encode(NewCart(lines + 1)).Length < limit)
        {
            lines++;
        }

        return lines;
    }

    private static Cart NewCart(int lines)
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        return new Cart
        {
            Id = CartKitIds.NewCartId(),
            Owner = new CartOwner(SessionIds.New()),
            Currency = Currency.USD,
            Lines = [.. Enumerable.Range(0, lines).Select(i =>
            {
                var product = BenchStack.Products[i % BenchStack.Products.Count];
                return new LineItem(CartKitIds.NewItemId(), product.Sku, product.Name, product.UnitPrice, 1 + (i % 3));
            })],
            Version = 7,
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
        };
    }
}
