using System.Diagnostics.Metrics;
using CartKit.Diagnostics;

namespace CartKit.Caching;

// The reuse tables' instruments: lookups that found a reusable entry or not, entries dropped when a table started over,
// and how many entries each table holds. Tagged with the table's name only, a small fixed set.
internal sealed class ReuseMetrics
{
    public const string Hits = "cartkit.reuse.hits";
    public const string Misses = "cartkit.reuse.misses";
    public const string Evictions = "cartkit.reuse.evictions";
    public const string Entries = "cartkit.reuse.entries";
    public const string TableTag = "cartkit.reuse.table";
    public const string StringsTable = "strings";

    private readonly Meter _meter;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _evictions;

    public ReuseMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = CartKitMeter.Create(meterFactory);
        _hits = _meter.CreateCounter<long>(Hits, "{lookup}", "Lookups in CartKit's reuse tables that found an entry to reuse.");
        _misses = _meter.CreateCounter<long>(Misses, "{lookup}", "Lookups in CartKit's reuse tables that found none; the work was done again.");
        _evictions = _meter.CreateCounter<long>(Evictions, "{entry}", "Entries dropped when a reuse table reached its capacity and started over.");
    }

    public void Lookup(string table, bool hit) =>
        (hit ? _hits : _misses).Add(1, new KeyValuePair<string, object?>(TableTag, table));

    public void Evicted(string table, int count) => _evictions.Add(count, new KeyValuePair<string, object?>(TableTag, table));

    public void Observe(ReuseTables tables) =>
        _meter.CreateObservableGauge(
            Entries,
            () => tables.Tables.Select(t => new Measurement<int>(t.Count, new KeyValuePair<string, object?>(TableTag, t.Name))),
            "{entry}",
            "Entries each of CartKit's reuse tables holds now.");
}
