using CartKit.Domain;
using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Documents;
using CartKit.MongoDB.Indexes;
using CartKit.Storage;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Carts in MongoDB. Writes replace the whole document, filtered on the version they were made from (the
// compare-and-swap); "one active cart per user" is the unique partial index carts_one_active_per_user_v2. A duplicate
// key tells which rule a write broke by the index it names.
internal sealed class MongoCartRepository(MongoCollections collections) : ICartRepository
{
    private readonly IMongoCollection<CartDocument> _carts = collections.Carts;

    public async ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default)
    {
        try
        {
            var document = await _carts.Find(CartQueries.ById(cartId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return document is null ? null : MongoDocumentMapper.ToCart(document);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        try
        {
            var document = await _carts.Find(CartQueries.ActiveBySession(sessionId))
                .Sort(CartQueries.MostRecentlyActiveFirst)
                .Limit(1)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return document is null ? null : MongoDocumentMapper.ToCart(document);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        try
        {
            var document = await _carts.Find(CartQueries.ActiveByUser(userId))
                .Limit(1)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return document is null ? null : MongoDocumentMapper.ToCart(document);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var document = MongoDocumentMapper.ToDocument(cart);
        try
        {
            await _carts.InsertOneAsync(document, options: null, cancellationToken).ConfigureAwait(false);
            return CartWriteResult.Written;
        }
        catch (Exception ex) when (MongoFaults.DuplicateKeyIndex(ex) is MongoIndexes.Id)
        {
            return CartWriteResult.VersionConflict;
        }
        catch (Exception ex) when (MongoFaults.DuplicateKeyIndex(ex) is MongoIndexes.CartsOneActivePerUser or MongoIndexes.LegacyCartsOneActivePerUser)
        {
            return CartWriteResult.UserHasActiveCart;
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        CartWriteRules.EnsureNextVersion(cart, expectedVersion);
        var document = MongoDocumentMapper.ToDocument(cart);
        try
        {
            var result = await _carts.ReplaceOneAsync(
                CartQueries.ByIdAndVersion(cart.Id, expectedVersion),
                document,
                new ReplaceOptions { IsUpsert = false },
                cancellationToken).ConfigureAwait(false);

            // No match: the stored version moved on (or the cart does not exist). Never an upsert, so a lost race
            // cannot create a second copy.
            return result.MatchedCount == 1 ? CartWriteResult.Written : CartWriteResult.VersionConflict;
        }
        catch (Exception ex) when (MongoFaults.DuplicateKeyIndex(ex) is MongoIndexes.CartsOneActivePerUser or MongoIndexes.LegacyCartsOneActivePerUser)
        {
            return CartWriteResult.UserHasActiveCart;
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<CartPage> FindInactiveAsync(
        DateTimeOffset lastActivityAtOrBefore,
        int pageSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        InactiveCartCursor.ValidatePageSize(pageSize);
        var after = InactiveCartCursor.Parse(continuationToken);
        List<CartDocument> documents;
        try
        {
            // One more than a page tells whether another page follows without a second query.
            documents = await _carts.Find(CartQueries.Inactive(lastActivityAtOrBefore, after))
                .Sort(CartQueries.OldestActivityFirst)
                .Limit(pageSize + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }

        var hasMore = documents.Count > pageSize;
        var carts = documents.Take(pageSize).Select(MongoDocumentMapper.ToCart).ToArray();
        var token = hasMore ? InactiveCartCursor.Format(carts[^1].LastActivityAt, carts[^1].Id) : null;
        return new CartPage(carts, token);
    }
}
