using CartKit.Diagnostics;
using CartKit.MongoDB.Connection;
using MongoDB.Bson;

namespace CartKit.MongoDB.Diagnostics;

// MongoDB's part of CartKit's readiness check: a ping to the database CartKit stores in.
internal sealed class MongoHealthProbe(MongoCollections collections) : ICartKitHealthProbe
{
    private static readonly BsonDocument Ping = new("ping", 1);

    public string Name => "mongodb";

    public Task ProbeAsync(CancellationToken cancellationToken) =>
        collections.Carts.Database.RunCommandAsync<BsonDocument>(Ping, cancellationToken: cancellationToken);
}
