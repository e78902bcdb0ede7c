using System.Net;
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
    // What ResetAsync deletes, one line a store, naming servers but never credentials.
    public IReadOnlyList<string> Describe()
    {
        var targets = new List<string>();
        if (services.GetService<IMongoClient>() is { } client)
        {
            var options = services.GetRequiredService<IOptions<MongoStorageOptions>>().Value;
            targets.Add(
                $"MongoDB {string.Join(",", client.Settings.Servers)}, database '{options.DatabaseName}': every document in "
                + $"'{options.CartsCollectionName}', '{options.OrdersCollectionName}' and '{options.IdempotencyKeysCollectionName}'");
        }

        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            var endpoints = ConfigurationOptions.Parse(redis).EndPoints.Select(e => e switch
            {
                DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
                _ => e.ToString(),
            });
            targets.Add($"Redis {string.Join(",", endpoints)}: every key under {string.Join(", ", RedisRoots().Select(p => $"'{p}'"))}");
        }

        if (targets.Count == 0)
        {
            targets.Add("the in-memory stores of this process (nothing outside it)");
        }

        return targets;
    }

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
            var roots = RedisRoots();
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
            var database = connection.GetDatabase();
            foreach (var server in connection.GetServers().Where(s => !s.IsReplica))
            {
                foreach (var prefix in roots)
                {
                    // One key per DEL: keys of a cluster live in different slots, and a multi-key DEL across slots fails.
                    var pending = new List<Task<bool>>();
                    await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 500).WithCancellation(cancellationToken))
                    {
                        pending.Add(database.KeyDeleteAsync(key));
                    }

                    await Task.WhenAll(pending);
                }
            }
        }
    }

    private string[] RedisRoots()
    {
        string[] prefixes =
        [
            services.GetRequiredService<IOptions<RedisCartKitOptions>>().Value.KeyPrefix,
            services.GetRequiredService<IOptions<SessionStoreOptions<CartSession>>>().Value.Prefix,
        ];

        // A prefix under another (the default "cartkit:s:" under "cartkit:") is already covered by that one's scan.
        return [.. prefixes.Where(p => !prefixes.Any(other => p.Length > other.Length && p.StartsWith(other, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)];
    }
}
