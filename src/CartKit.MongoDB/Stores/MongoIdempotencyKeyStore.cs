using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Documents;
using CartKit.MongoDB.Indexes;
using CartKit.Storage;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Checkout idempotency keys in MongoDB, so a retried checkout gets its first result even after a restart. A claim is
// one upsert whose filter matches only a record that may be taken over; when a live record holds the key, the
// upsert's insert collides on _id and the holder is read back. Complete and release are filtered on the claim
// token, so a request whose claim was taken over cannot touch the new holder's record.
internal sealed class MongoIdempotencyKeyStore(MongoCollections collections) : IIdempotencyKeyStore
{
    private const int MaxClaimAttempts = 3;

    private readonly IMongoCollection<IdempotencyKeyDocument> _keys = collections.IdempotencyKeys;

    public async ValueTask<IdempotencyRecord?> TryClaimAsync(IdempotencyRecord claim, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var document = MongoDocumentMapper.ToDocument(claim);
        try
        {
            for (var attempt = 1; attempt <= MaxClaimAttempts; attempt++)
            {
                try
                {
                    await _keys.ReplaceOneAsync(
                        IdempotencyKeyQueries.Claimable(claim.Key, claim.CartId, now),
                        document,
                        IdempotencyKeyQueries.UpsertClaim,
                        cancellationToken).ConfigureAwait(false);
                    return null;
                }
                catch (Exception ex) when (MongoFaults.DuplicateKeyIndex(ex) is MongoIndexes.Id)
                {
                    // A record holds the key (or another claim inserted it a moment ago): read it below.
                }

                var holder = await _keys.Find(IdempotencyKeyQueries.ByKey(claim.Key))
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (holder is not null)
                {
                    var record = MongoDocumentMapper.ToRecord(holder);
                    if (record.HoldsKeyAgainst(now, claim.CartId))
                    {
                        return record;
                    }
                }

                // The holder was released, expired or taken over between the two calls: claim again.
            }

            throw new InvalidOperationException(
                $"The idempotency key changed hands {MaxClaimAttempts} times while it was being claimed; the request can be retried.");
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<bool> CompleteAsync(string key, string claimToken, string orderId, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _keys.UpdateOneAsync(
                IdempotencyKeyQueries.HeldBy(key, claimToken),
                IdempotencyKeyQueries.Completed(orderId),
                options: null,
                cancellationToken).ConfigureAwait(false);
            return result.MatchedCount == 1;
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _keys.DeleteOneAsync(IdempotencyKeyQueries.HeldBy(key, claimToken), cancellationToken).ConfigureAwait(false);
            return result.DeletedCount == 1;
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }
}
