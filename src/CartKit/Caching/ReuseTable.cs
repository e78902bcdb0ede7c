using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CartKit.Caching;

/// <summary>
/// One process-wide table of <see cref="ReuseTables"/>: values kept by key (a cart or session id) so a later read can
/// reuse them. Bounded without eviction bookkeeping: past its capacity it starts over empty, which costs each key one
/// lookup that misses. Only an optimisation: every caller must work the same with an empty table.
/// </summary>
/// <typeparam name="TValue">The value type. Values are shared between concurrent requests: they must be immutable.</typeparam>
public sealed class ReuseTable<TValue> : IReuseTable
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);
    private readonly ReuseMetrics _metrics;
    private readonly bool _enabled;
    private int _writes;

    internal ReuseTable(string name, int capacity, bool enabled, ReuseMetrics metrics)
    {
        Name = name;
        Capacity = capacity;
        _enabled = enabled;
        _metrics = metrics;
    }

    /// <summary>Gets the table's name, as its metrics are tagged.</summary>
    public string Name { get; }

    /// <summary>Gets how many entries the table holds before it starts over.</summary>
    public int Capacity { get; }

    /// <summary>Gets how many entries the table holds now.</summary>
    public int Count => _values.Count;

    /// <summary>Looks a key up, counting a hit when an entry is there.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The entry.</param>
    /// <returns><see langword="true"/> when the table holds an entry for <paramref name="key"/>.</returns>
    public bool TryGet(string key, [NotNullWhen(true)] out TValue? value)
    {
        if (!_enabled)
        {
            value = null;
            return false;
        }

        var found = _values.TryGetValue(key, out value);
        _metrics.Lookup(Name, found);
        return found;
    }

    /// <summary>
    /// Looks a key up, counting a hit only when the entry is current for <paramref name="state"/>. The entry found is
    /// returned either way, for callers that can still use part of a stale one.
    /// </summary>
    /// <typeparam name="TState">What the entry must match (for example the bytes it was decoded from).</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="state">Passed to <paramref name="isCurrent"/>.</param>
    /// <param name="isCurrent">Whether the entry can be reused as it is.</param>
    /// <param name="value">The entry found, current or not; <see langword="null"/> when there is none.</param>
    /// <returns><see langword="true"/> when the entry is current.</returns>
    public bool TryGetCurrent<TState>(string key, TState state, Func<TValue, TState, bool> isCurrent, out TValue? value)
        where TState : allows ref struct
    {
        ArgumentNullException.ThrowIfNull(isCurrent);
        if (!_enabled)
        {
            value = null;
            return false;
        }

        var current = _values.TryGetValue(key, out value) && isCurrent(value, state);
        _metrics.Lookup(Name, current);
        return current;
    }

    /// <summary>Stores an entry, replacing the key's previous one; the table starts over first when it is full.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The entry; immutable.</param>
    public void Set(string key, TValue value)
    {
        if (!_enabled)
        {
            return;
        }

        if (Interlocked.Increment(ref _writes) > Capacity)
        {
            var evicted = _values.Count;
            _values.Clear();
            Volatile.Write(ref _writes, 0);
            _metrics.Evicted(Name, evicted);
        }

        _values[key] = value;
    }

    /// <summary>Removes a key's entry, if any.</summary>
    /// <param name="key">The key.</param>
    public void Remove(string key)
    {
        if (_enabled)
        {
            _values.TryRemove(key, out _);
        }
    }
}

// What the component's metrics observe of every table, whatever its value type.
internal interface IReuseTable
{
    string Name { get; }

    int Count { get; }
}
