using CartKit.Storage;

namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>
/// Checkout idempotency keys as JSON documents in <see cref="DocumentDatabase.IdempotencyKeys"/>. A claim is atomic
/// under the collection's lock; a live record holds its key until it expires, and an unfinished one whose lease ran
/// out may be taken over by a claim for the same cart, after which the old claim can neither complete nor release.
/// </summary>
/// <param name="database">The database.</param>
public sealed class DocumentIdempotencyKeyStore(DocumentDatabase database) : IIdempotencyKeyStore
{
    private readonly DocumentSet _keys = database.IdempotencyKeys;

    /// <inheritdoc/>
    public ValueTask<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord claim, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_keys.Gate)
        {
            // What a TTL index does in a real database: expired keys go, so one-off keys cannot pile up.
            foreach (var expired in _keys.All().Select(DocumentMapping.ReadKeyDocument).Where(d => d.ExpiresAt <= now).ToList())
            {
                _keys.Remove(expired.Key);
            }

            if (Find(claim.Key) is { } held && HoldsKey(held, claim.CartId, now))
            {
                return ValueTask.FromResult<IdempotencyRecord?>(
                    new IdempotencyRecord(held.Key, held.CartId, held.ClaimToken, held.OrderId, held.LeaseExpiresAt, held.ExpiresAt));
            }

            _keys.Put(claim.Key, DocumentMapping.Write(
                new IdempotencyKeyDocument(claim.Key, claim.CartId, claim.ClaimToken, claim.OrderId, claim.LeaseExpiresAt, claim.ExpiresAt)));
            return ValueTask.FromResult<IdempotencyRecord?>(null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> CompleteAsync(string key, string claimToken, string orderId, CancellationToken cancellationToken = default)
    {
        lock (_keys.Gate)
        {
            if (Find(key) is not { } held || !string.Equals(held.ClaimToken, claimToken, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            _keys.Put(key, DocumentMapping.Write(held with { OrderId = orderId }));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken = default)
    {
        lock (_keys.Gate)
        {
            return ValueTask.FromResult(
                Find(key) is { } held && string.Equals(held.ClaimToken, claimToken, StringComparison.Ordinal) && _keys.Remove(key));
        }
    }

    // Live until it expires; against another cart even after its lease, against the same cart until it finished or
    // its lease ran out.
    private static bool HoldsKey(IdempotencyKeyDocument held, string cartId, DateTimeOffset now) =>
        held.ExpiresAt > now
        && (held.OrderId is not null || held.LeaseExpiresAt > now || !string.Equals(held.CartId, cartId, StringComparison.Ordinal));

    private IdempotencyKeyDocument? Find(string key) =>
        _keys.TryGet(key, out var json) ? DocumentMapping.ReadKeyDocument(json) : null;
}
