
namespace CartKit.MongoDB;

/// <summary>
/// Creates the MongoDB indexes CartKit's stores rely on (registered by <c>UseMongoStorage()</c>). The unique ones
/// enforce one active cart per user, one order per cart version and one paid order per cart, so they must exist
/// before the first request is served.
/// </summary>
public interface ICartKitMongoIndexes
{
    /// <summary>
    /// Creates every CartKit index that does not exist yet. Idempotent: indexes that already exist with the same
    /// definition are left as they are. Runs at start unless <see cref="MongoStorageOptions.CreateIndexesOnStartup"/>
    /// is <see langword="false"/>; call it yourself (for example from a deployment step) when it is.
    /// </summary>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A task that completes when every index exists.</returns>
    /// <exception cref="CartKit.Storage.StoreUnavailableException">MongoDB could not be reached.</exception>
    /// <exception cref="InvalidOperationException">
    /// An index with one of CartKit's names exists with another definition, or the stored data breaks a unique rule.
    /// </exception>
    Task CreateAsync(CancellationToken cancellationToken = default);
}
