using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Stores;
using MongoDB.Driver;

namespace CartKit.MongoDB.Indexes;

// Creates MongoIndexes' indexes. createIndexes is idempotent on the server: an index that exists with the same name
// and definition is left alone, so this can run at every start and from a deployment step alike.
internal sealed class MongoIndexInitializer(MongoCollections collections) : ICartKitMongoIndexes
{
    // IndexAlreadyExists (older servers), IndexOptionsConflict, IndexKeySpecsConflict.
    private static readonly int[] ConflictCodes = [68, 85, 86];

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        await CreateAsync(collections.Carts, MongoIndexes.Carts, cancellationToken).ConfigureAwait(false);
        await CreateAsync(collections.Orders, MongoIndexes.Orders, cancellationToken).ConfigureAwait(false);
        await CreateAsync(collections.IdempotencyKeys, MongoIndexes.IdempotencyKeys, cancellationToken).ConfigureAwait(false);
        await CreateAsync(collections.StockReservations, MongoIndexes.StockReservations, cancellationToken).ConfigureAwait(false);
    }

    private static async Task CreateAsync<TDocument>(
        IMongoCollection<TDocument> collection,
        IReadOnlyList<CreateIndexModel<TDocument>> indexes,
        CancellationToken cancellationToken)
    {
        var name = collection.CollectionNamespace.CollectionName;
        try
        {
            await collection.Indexes.CreateManyAsync(indexes, cancellationToken).ConfigureAwait(false);
        }
        catch (MongoCommandException ex) when (ConflictCodes.Contains(ex.Code))
        {
            throw new InvalidOperationException(
                $"The '{name}' collection already has an index with one of CartKit's names or keys but a different definition. "
                + "Drop that index (docs/mongodb.md lists CartKit's) and start again.",
                ex);
        }
        catch (Exception ex) when (MongoFaults.DuplicateKeyIndex(ex) is { } index)
        {
            throw new InvalidOperationException(
                $"The data in the '{name}' collection breaks the rule of CartKit's unique index '{index}', so it cannot be created. "
                + "Resolve the duplicates (docs/mongodb.md says what each index enforces) and start again.",
                ex);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }
}
