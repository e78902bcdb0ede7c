namespace CartKit.Storage.InMemory;

// Idempotency keys in process memory. Expired records are swept every 1024 claims so the map cannot grow
// without bound under a stream of one-off keys.
internal sealed class InMemoryIdempotencyKeyStore : IIdempotencyKeyStore
{
    private const int SweepEvery = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, IdempotencyRecord> _records = new(StringComparer.Ordinal);
    private int _claimsSinceSweep;

    public ValueTask<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord claim, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_gate)
        {
            if (++_claimsSinceSweep >= SweepEvery)
            {
                _claimsSinceSweep = 0;
                foreach (var expired in _records.Where(r => r.Value.ExpiresAt <= now).Select(r => r.Key).ToList())
                {
                    _records.Remove(expired);
                }
            }

            if (_records.TryGetValue(claim.Key, out var existing) && existing.HoldsKeyAgainst(now, claim.CartId))
            {
                return ValueTask.FromResult<IdempotencyRecord?>(existing);
            }

            _records[claim.Key] = claim;
            return ValueTask.FromResult<IdempotencyRecord?>(null);
        }
    }

    public ValueTask<bool> CompleteAsync(string key, string claimToken, string orderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!IsHeldBy(key, claimToken, out var record))
            {
                return ValueTask.FromResult(false);
            }

            _records[key] = record with { OrderId = orderId };
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(IsHeldBy(key, claimToken, out _) && _records.Remove(key));
        }
    }

    private bool IsHeldBy(string key, string claimToken, out IdempotencyRecord record) =>
        _records.TryGetValue(key, out record!) && string.Equals(record.ClaimToken, claimToken, StringComparison.Ordinal);
}
