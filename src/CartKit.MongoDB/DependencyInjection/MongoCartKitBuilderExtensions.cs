using CartKit.Diagnostics;
using CartKit.MongoDB;
using CartKit.MongoDB.Connection;
using CartKit.MongoDB.DependencyInjection;
using CartKit.MongoDB.Diagnostics;
using CartKit.MongoDB.Indexes;
using CartKit.MongoDB.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>MongoDB as CartKit's source of truth.</summary>
public static class MongoCartKitBuilderExtensions
{
    /// <summary>
    /// Keeps carts, orders and checkout idempotency keys in MongoDB, through the host's <c>IMongoDatabase</c> or
    /// <c>IMongoClient</c> when it registers one, else a client built from
    /// <see cref="MongoStorageOptions.ConnectionString"/> or the <c>ConnectionStrings:Mongo</c> configuration value.
    /// Indexes are created when the host starts (see <see cref="MongoStorageOptions.CreateIndexesOnStartup"/>);
    /// options are validated then too. Safe to call more than once; a cache configured with CartKit still wraps
    /// these stores.
    /// </summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <param name="configure">Sets <see cref="MongoStorageOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder UseMongoStorage(this ICartKitBuilder builder, Action<MongoStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        var options = services.AddOptions<MongoStorageOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MongoStorageOptions>, MongoStorageOptionsValidator>());

        services.TryAddSingleton<MongoDatabaseSource>();
        services.TryAddSingleton(static sp => new MongoCollections(
            sp.GetRequiredService<MongoDatabaseSource>().Database,
            sp.GetRequiredService<IOptions<MongoStorageOptions>>().Value));
        services.TryAddSingleton<ICartKitMongoIndexes, MongoIndexInitializer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MongoIndexHostedService>());

        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICartKitHealthProbe, MongoHealthProbe>());
        return builder.UseStorage<MongoCartRepository, MongoOrderRepository, MongoIdempotencyKeyStore>();
    }
}
