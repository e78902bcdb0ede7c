using System.Reflection;
using CartKit.MongoDB.Documents;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace CartKit.MongoDB.Tests;

/// <summary>
/// Renders the definitions the stores send with the driver's own Render API and the registered class maps, to the
/// canonical extended JSON the server receives (types spelled out: NumberLong, dates, strings).
/// </summary>
internal static class MongoRender
{
    // Never connected to: building a client does not open connections until an operation needs one.
    private static readonly MongoClientSettings OfflineClient =
        MongoClientSettings.FromConnectionString("mongodb://127.0.0.1:9/?serverSelectionTimeoutMS=100&connectTimeoutMS=100");

    private static readonly JsonWriterSettings Canonical = new() { OutputMode = JsonOutputMode.CanonicalExtendedJson, Indent = true, IndentChars = "  " };

    public static BsonDocument Filter<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonDocument Sort<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonValue Update<T>(UpdateDefinition<T> update) => update.Render(Args<T>());

    public static BsonDocument Keys<T>(IndexKeysDefinition<T> keys) => keys.Render(Args<T>());

    /// <summary>
    /// An index exactly as the createIndexes command carries it, built by the driver's own (internal) request
    /// builder: there is no public render API for index models, and a hand-made copy could hide what is really sent.
    /// </summary>
    public static BsonDocument Index<T>(CreateIndexModel<T> model)
    {
        MongoClassMaps.EnsureRegistered();
        using var client = new MongoClient(OfflineClient);
        var indexes = client.GetDatabase("render").GetCollection<T>("render").Indexes;
        var requests = indexes.GetType().GetMethod("CreateCreateIndexRequests", BindingFlags.NonPublic | BindingFlags.Instance)
            ?.Invoke(indexes, [new[] { model }]) as IEnumerable<object>
            ?? throw new InvalidOperationException("This driver version builds index requests differently; update MongoRender.Index.");
        var request = requests.Single();
        return request.GetType().GetMethod("CreateIndexDocument", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance)
            ?.Invoke(request, null) as BsonDocument
            ?? throw new InvalidOperationException("This driver version builds index documents differently; update MongoRender.Index.");
    }

    public static BsonDocument Document<T>(T document)
    {
        MongoClassMaps.EnsureRegistered();
        return document.ToBsonDocument();
    }

    public static string Json(BsonValue value) => value.ToJson(Canonical);

    private static RenderArgs<T> Args<T>()
    {
        MongoClassMaps.EnsureRegistered();
        var registry = BsonSerializer.SerializerRegistry;
        return new RenderArgs<T>(registry.GetSerializer<T>(), registry);
    }
}
