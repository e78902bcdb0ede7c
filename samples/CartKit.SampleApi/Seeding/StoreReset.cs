using CartKit.MongoDB;
using CartKit.Redis;
using CartKit.Sessions;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using StackExchange.Redis;

namespace CartKit.SampleApi.Seeding;

/// <summary>
/// Empties the stores the seed command fills. MongoDB collections are emptied, not dropped, so the indexes that
/// enforce CartKit's rules stay in place; Redis loses every key under CartKit's prefixes, so no cached cart or session
/// outlives the data it came from.
/// </summary>
internal sealed class StoreReset(IServiceProvider services, IConfiguration configuration)
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

        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            var prefixes = new[]
            {
                services.GetRequiredService<IOptions<RedisCartKitOptions>>().Value.KeyPrefix,
                services.GetRequiredService<IOptions<SessionStoreOptions<CartSession>>>().Value.Prefix,
            };
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
            foreach (var server in connection.GetServers().Where(s => !s.IsReplica))
            {
                foreach (var prefix in prefixes.Distinct(StringComparer.Ordinal))
                {
                    var keys = new List<RedisKey>();
                    await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 500).WithCancellation(cancellationToken))
                    {
                        keys.Add(key);
                    }

                    foreach (var batch in keys.Chunk(500))
                    {
                        await connection.GetDatabase().KeyDeleteAsync(batch);
                    }
                }
            }
        }
    }
}
