using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CartKit.Internal;

// A process-local table of hints keyed by id, bounded without eviction bookkeeping: after Capacity writes it starts
// over (cleared), which costs each key one lookup that misses. For tables whose entries are only ever an optimisation.
internal sealed class StartOverTable<TValue>(int capacity)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);
    private int _writes;

    public int Capacity => capacity;

    public int Count => _values.Count;

    public bool TryGetValue(string key, [NotNullWhen(true)] out TValue? value) => _values.TryGetValue(key, out value);

    public void Set(string key, TValue value)
    {
        if (Interlocked.Increment(ref _writes) > capacity)
        {
            _values.Clear();
            Volatile.Write(ref _writes, 0);
        }

        _values[key] = value;
    }

    public void Remove(string key) => _values.TryRemove(key, out _);
}
