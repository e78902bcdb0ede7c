namespace CartKit.Storage;

/// <summary>
/// Remembers checkout idempotency keys in the source of truth, so a retried checkout returns its first result even
/// after a restart. Claims are atomic: of two concurrent requests with one key, exactly one claims it.
/// </summary>
public interface IIdempotencyKeyStore
{
    /// <summary>
    /// Claims <paramref name="claim"/>'s key, unless a live record holds it. A record is live until it expires; an
    /// unfinished record whose lease ran out may be taken over by a claim for the same cart.
    /// </summary>
    /// <param name="claim">The record to store: key, cart, a fresh claim token, lease and expiry.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns><see langword="null"/> when claimed; otherwise the live record that holds the key.</returns>
    ValueTask<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord claim, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records the order a claimed key produced.</summary>
    /// <param name="key">The key.</param>
    /// <param name="claimToken">The token of the claim.</param>
    /// <param name="orderId">The order.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns><see langword="false"/> when the claim was lost (taken over after its lease ran out).</returns>
    ValueTask<bool> CompleteAsync(string key, string claimToken, string orderId, CancellationToken cancellationToken = default);

    /// <summary>Gives up a claim whose request was refused, so the key can be used again.</summary>
    /// <param name="key">The key.</param>
    /// <param name="claimToken">The token of the claim.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns><see langword="false"/> when the claim was already lost.</returns>
    ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken = default);
}
