using MongoDB.Driver;

namespace CartKit.SampleApi.Hosting;

/// <summary>
/// The sample's stores: in memory unless connection strings are configured. The sample registers the MongoDB client
/// itself, the way an Aspire or hand-written host would, and CartKit reuses it instead of building its own.
/// </summary>
internal static class SampleStorage
{
    public static ICartKitBuilder UseConfiguredStores(this ICartKitBuilder cartKit, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Mongo") is { Length: > 0 } mongo)
        {
            cartKit.Services.AddSingleton<IMongoClient>(_ => new MongoClient(mongo));
            cartKit.UseMongoStorage();
        }

        return cartKit;
    }
}
