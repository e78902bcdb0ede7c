using System.Collections.Concurrent;
using System.Text;

namespace CartKit.Caching;

/// <summary>
/// CartKit's process-wide reuse tables, one component registered by <c>AddCartKit()</c>: what a cache-hit read of an
/// unchanged cart can skip redoing. The cache keeps the entry bytes and the snapshot it decoded from them, the HTTP
/// layer the response it rendered for a snapshot, the cache-aside layer the cart each session named last (so the
/// session lookup and the cart read leave together), and decoding a string table of recent skus and names.
/// </summary>
/// <remarks>
/// Every table is bounded (<see cref="ReuseTablesOptions"/>) and only an optimisation: an empty or disabled table
/// costs CPU, never freshness, since the cache answers every read and only byte-identical entries reuse a snapshot.
/// Values are shared between concurrent requests, so only immutable values go in (CartKit's <c>Cart</c> and
/// <c>Order</c> are immutable by construction). Metrics: <c>cartkit.reuse.hits</c>, <c>cartkit.reuse.misses</c>,
/// <c>cartkit.reuse.evictions</c> and <c>cartkit.reuse.entries</c>, tagged with the table's name.
/// </remarks>
public sealed class ReuseTables
{
    private const int MaxStringBytes = 64;

    private readonly ReuseTablesOptions _options;
    private readonly ReuseMetrics _metrics;
    private readonly ConcurrentDictionary<string, IReuseTable> _tables = new(StringComparer.Ordinal);
    private readonly StringSlot?[] _strings;

    internal ReuseTables(ReuseTablesOptions options, ReuseMetrics metrics)
    {
        _options = options;
        _metrics = metrics;
        _strings = options.Enabled ? new StringSlot?[options.StringSlots] : [];
        metrics.Observe(this);
    }

    internal IEnumerable<IReuseTable> Tables => _tables.Values.OfType<IReuseTable>();

    /// <summary>Gets the table of that name keyed by cart id, created on first use with <see cref="ReuseTablesOptions.CartCapacity"/>.</summary>
    /// <typeparam name="TValue">The value type; immutable.</typeparam>
    /// <param name="name">The table's name, for metrics (for example <c>decoded_carts</c>).</param>
    /// <returns>The table.</returns>
    public ReuseTable<TValue> ForCarts<TValue>(string name)
        where TValue : class => Table<TValue>(name, _options.CartCapacity);

    /// <summary>Gets the table of that name keyed by session id, created on first use with <see cref="ReuseTablesOptions.SessionCapacity"/>.</summary>
    /// <typeparam name="TValue">The value type; immutable.</typeparam>
    /// <param name="name">The table's name, for metrics (for example <c>sessions</c>).</param>
    /// <returns>The table.</returns>
    public ReuseTable<TValue> ForSessions<TValue>(string name)
        where TValue : class => Table<TValue>(name, _options.SessionCapacity);

    /// <summary>
    /// Gets the string for UTF-8 bytes, the same instance as last time when the bytes recur: skus, product names and
    /// adjustment names repeat across every cart of a shop. A small fixed table; a collision just replaces the slot.
    /// </summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The string.</returns>
    public string GetString(ReadOnlySpan<byte> utf8)
    {
        if (_strings.Length == 0 || utf8.Length > MaxStringBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slot = (int)(Hash(utf8) & (uint)(_strings.Length - 1));
        var entry = Volatile.Read(ref _strings[slot]);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            _metrics.Lookup(ReuseMetrics.StringsTable, hit: true);
            return entry.Value;
        }

        _metrics.Lookup(ReuseMetrics.StringsTable, hit: false);
        var value = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref _strings[slot], new StringSlot(utf8.ToArray(), value));
        return value;
    }

    private ReuseTable<TValue> Table<TValue>(string name, int capacity)
        where TValue : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var table = _tables.GetOrAdd(
            name,
            static (tableName, state) => new ReuseTable<TValue>(tableName, state.Capacity, state.Enabled, state.Metrics),
            (Capacity: capacity, _options.Enabled, Metrics: _metrics));
        return table as ReuseTable<TValue>
            ?? throw new InvalidOperationException($"The reuse table '{name}' already exists for another value type.");
    }

    // FNV-1a: short keys, no allocation, good enough spread for a table whose collisions only cost a string.
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private sealed record StringSlot(byte[] Utf8, string Value);
}
