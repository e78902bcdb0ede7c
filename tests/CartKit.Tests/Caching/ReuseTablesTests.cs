using CartKit.Caching;
using CartKit.TestSupport;

namespace CartKit.Tests.Caching;

/// <summary>
/// The reuse tables' own rules: bounded by their capacity (starting over, with the dropped entries counted), nothing
/// kept when disabled, one table per name, strings shared by their bytes, and every lookup and size reported under the
/// table's name.
/// </summary>
public sealed class ReuseTablesTests : IDisposable
{
    private readonly MetricsRecorder _metrics = new();

    [Fact]
    public void ALookup_CountsAHitOrAMiss_UnderTheTablesName()
    {
        var table = Tables().ForSessions<string>("hints");
        table.Set("session-1", "cart-1");

        Assert.True(table.TryGet("session-1", out var cart));
        Assert.Equal("cart-1", cart);
        Assert.False(table.TryGet("session-2", out _));
        Assert.Equal(1, _metrics.Sum(ReuseMetrics.Hits, (ReuseMetrics.TableTag, "hints")));
        Assert.Equal(1, _metrics.Sum(ReuseMetrics.Misses, (ReuseMetrics.TableTag, "hints")));
    }

    [Fact]
    public void ALookupForACurrentEntry_IsAHitOnlyWhenTheEntryIsCurrent_AndReturnsAStaleOneAnyway()
    {
        var table = Tables().ForCarts<string>("bodies");
        table.Set("cart-1", "v1");

        Assert.True(table.TryGetCurrent("cart-1", "v1", static (entry, wanted) => entry == wanted, out var current));
        Assert.False(table.TryGetCurrent("cart-1", "v2", static (entry, wanted) => entry == wanted, out var stale));

        Assert.Equal("v1", current);
        Assert.Equal("v1", stale);
        Assert.Equal(1, _metrics.Sum(ReuseMetrics.Hits, (ReuseMetrics.TableTag, "bodies")));
        Assert.Equal(1, _metrics.Sum(ReuseMetrics.Misses, (ReuseMetrics.TableTag, "bodies")));
    }

    [Fact]
    public void PastItsCapacity_ATableStartsOver_CountingWhatItDropped()
    {
        var tables = Tables(new ReuseTablesOptions { CartCapacity = 16 });
        var table = tables.ForCarts<string>("bodies");

        for (var i = 0; i < 16; i++)
        {
            table.Set($"cart-{i}", "body");
        }

        Assert.Equal(16, table.Count);
        table.Set("cart-16", "body");

        Assert.Equal(1, table.Count);
        Assert.False(table.TryGet("cart-0", out _));
        Assert.True(table.TryGet("cart-16", out _));
        Assert.Equal(16, _metrics.Sum(ReuseMetrics.Evictions, (ReuseMetrics.TableTag, "bodies")));
    }

    [Fact]
    public void EachKindOfKey_HasItsOwnCapacity()
    {
        var tables = Tables(new ReuseTablesOptions { CartCapacity = 32, SessionCapacity = 64 });

        Assert.Equal(32, tables.ForCarts<string>("bodies").Capacity);
        Assert.Equal(64, tables.ForSessions<string>("hints").Capacity);
    }

    [Fact]
    public void Disabled_NothingIsKept_NorCounted_AndStringsAreStillRight()
    {
        var tables = Tables(new ReuseTablesOptions { Enabled = false });
        var table = tables.ForCarts<string>("bodies");

        table.Set("cart-1", "body");
        var first = tables.GetString("MUG"u8);
        var second = tables.GetString("MUG"u8);

        Assert.False(table.TryGet("cart-1", out _));
        Assert.Equal(0, table.Count);
        Assert.Equal("MUG", second);
        Assert.NotSame(first, second);
        Assert.Equal(0, _metrics.Sum(ReuseMetrics.Hits) + _metrics.Sum(ReuseMetrics.Misses));
    }

    [Fact]
    public void OneNameIsOneTable_AndItsValueTypeCannotChange()
    {
        var tables = Tables();

        Assert.Same(tables.ForCarts<string>("bodies"), tables.ForCarts<string>("bodies"));
        Assert.Throws<InvalidOperationException>(() => tables.ForCarts<object>("bodies"));
    }

    [Fact]
    public void StringsWithTheSameBytes_AreTheSameInstance_AndLongOnesAreNotKept()
    {
        var tables = Tables();
        var longName = new string('x', 65);

        Assert.Same(tables.GetString("MUG-CARTKIT"u8), tables.GetString("MUG-CARTKIT"u8));
        Assert.Equal("Café", tables.GetString("Café"u8));
        Assert.NotSame(tables.GetString(System.Text.Encoding.UTF8.GetBytes(longName)), tables.GetString(System.Text.Encoding.UTF8.GetBytes(longName)));
        Assert.Equal(1, _metrics.Sum(ReuseMetrics.Hits, (ReuseMetrics.TableTag, ReuseMetrics.StringsTable)));
    }

    [Fact]
    public void TheEntriesGauge_ReportsEveryTablesSize()
    {
        var tables = Tables();
        tables.ForCarts<string>("bodies").Set("cart-1", "body");
        var hints = tables.ForSessions<string>("hints");
        hints.Set("session-1", "cart-1");
        hints.Set("session-2", "cart-2");

        _metrics.Observe();

        Assert.Equal(1, _metrics.Sum(ReuseMetrics.Entries, (ReuseMetrics.TableTag, "bodies")));
        Assert.Equal(2, _metrics.Sum(ReuseMetrics.Entries, (ReuseMetrics.TableTag, "hints")));
    }

    public void Dispose() => _metrics.Dispose();

    private ReuseTables Tables(ReuseTablesOptions? options = null) => new(options ?? new ReuseTablesOptions(), new ReuseMetrics(_metrics));
}
