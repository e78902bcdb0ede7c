using CartKit.MongoDB;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CartKit.SampleApi.Seeding;

/// <summary>
/// Empties the stores the seed command fills. Collections are emptied, not dropped, so the indexes that enforce
/// CartKit's rules (one order per cart version, one active cart per user) stay in place.
/// </summary>
internal sealed class StoreReset(IServiceProvider services)
{
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IMongoClient>() is { } client)
        {
            var options = services.GetRequiredService<IOptions<MongoStorageOptions>>().Value;
            var database = client.GetDatabase(options.DatabaseName);
            foreach (var name in new[] { options.CartsCollectionName, options.OrdersCollectionName, options.IdempotencyKeysCollectionName })
            {
                await database.GetCollection<BsonDocument>(name).DeleteManyAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken);
            }
        }
    }
}
