using MongoDB.Driver;

namespace CartKit.SampleApi.Hosting;

/// <summary>
/// The sample's stores: in memory unless connection strings are configured. <c>ConnectionStrings:Mongo</c> makes
/// MongoDB the source of truth (the sample registers the client itself, the way an Aspire or hand-written host would,
/// and CartKit reuses it); <c>ConnectionStrings:Redis</c> puts sessions, the cart cache and the checkout lock in Redis,
/// with CartKit's options read from <c>CartKit:Mongo</c> and <c>CartKit:Redis</c>.
/// </summary>
internal static class SampleStorage
{
    public static ICartKitBuilder UseConfiguredStores(this ICartKitBuilder cartKit, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Mongo") is { Length: > 0 } mongo)
        {
            cartKit.Services.AddSingleton<IMongoClient>(_ => new MongoClient(mongo));
            cartKit.UseMongoStorage(options => configuration.GetSection("CartKit:Mongo").Bind(options));
        }

        if (configuration.GetConnectionString("Redis") is { Length: > 0 })
        {
            cartKit.UseRedis(options => configuration.GetSection("CartKit:Redis").Bind(options));
        }

        return cartKit;
    }
}
