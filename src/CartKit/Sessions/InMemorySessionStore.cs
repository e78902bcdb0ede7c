using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CartKit.Sessions;

// The default session store: process memory, expiry computed from the injected TimeProvider, so tests move time
// instead of sleeping. Expired entries are dropped when read and swept at most once per minute on writes.
internal sealed class InMemorySessionStore<T> : ISessionStore<T>
    where T : class
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SessionStoreOptions<T> _options;
    private readonly TimeProvider _time;
    private long _nextSweepTicks;

    public InMemorySessionStore(IOptions<SessionStoreOptions<T>> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
    }

    // Live and not-yet-swept entries; for tests and diagnostics.
    internal int Count => _entries.Count;

    public ValueTask<SessionEntry<T>> CreateAsync(T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = _time.GetUtcNow();
        SweepIfDue(now);
        var entry = new Entry(value, now + _options.Ttl);
        string id;
        do
        {
            id = SessionIds.New();
        }
        while (!_entries.TryAdd(id, entry));

        return ValueTask.FromResult(new SessionEntry<T>(id, value, entry.ExpiresAt));
    }

    public ValueTask<SessionEntry<T>?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsValid(sessionId) || !_entries.TryGetValue(sessionId, out var entry))
        {
            return ValueTask.FromResult<SessionEntry<T>?>(null);
        }

        var now = _time.GetUtcNow();
        if (entry.ExpiresAt <= now)
        {
            // Remove only the entry we saw, so a concurrent SetAsync that revived the id is not lost.
            _entries.TryRemove(KeyValuePair.Create(sessionId, entry));
            return ValueTask.FromResult<SessionEntry<T>?>(null);
        }

        var expiresAt = entry.ExpiresAt;
        if (_options.SlidingExpiration)
        {
            expiresAt = now + _options.Ttl;
            _entries.TryUpdate(sessionId, entry with { ExpiresAt = expiresAt }, entry);
        }

        return ValueTask.FromResult<SessionEntry<T>?>(new SessionEntry<T>(sessionId, entry.Value, expiresAt));
    }

    public ValueTask<SessionEntry<T>> SetAsync(string sessionId, T value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!SessionIds.IsValid(sessionId))
        {
            throw new ArgumentException("The session id is malformed.", nameof(sessionId));
        }

        var now = _time.GetUtcNow();
        SweepIfDue(now);
        var fresh = new Entry(value, now + _options.Ttl);
        var stored = _entries.AddOrUpdate(
            sessionId,
            fresh,
            (_, existing) => _options.SlidingExpiration || existing.ExpiresAt <= now
                ? fresh
                : existing with { Value = value });
        return ValueTask.FromResult(new SessionEntry<T>(sessionId, value, stored.ExpiresAt));
    }

    public ValueTask<bool> RemoveAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var removed = SessionIds.IsValid(sessionId)
            && _entries.TryRemove(sessionId, out var entry)
            && entry.ExpiresAt > _time.GetUtcNow();
        return ValueTask.FromResult(removed);
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private sealed record Entry(T Value, DateTimeOffset ExpiresAt);
}
