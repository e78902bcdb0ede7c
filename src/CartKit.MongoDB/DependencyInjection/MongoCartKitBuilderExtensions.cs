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

    /// <summary>
    /// Keeps stock and stock reservations in MongoDB (collections <see cref="MongoStorageOptions.StockCollectionName"/>
    /// and <see cref="MongoStorageOptions.StockReservationsCollectionName"/>), shared by every instance: checkout
    /// reserves each order's units and the expiry sweep runs (see <c>UseInMemoryInventory</c> in CartKit). Each sku's
    /// units move by one conditional update, never below zero, without transactions. Call after
    /// <see cref="UseMongoStorage"/>; set stock with <c>IInventory.SetAvailableAsync</c>.
    /// </summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException"><see cref="UseMongoStorage"/> was not called first.</exception>
    public static ICartKitBuilder UseMongoInventory(this ICartKitBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(d => d.ServiceType == typeof(MongoCollections)))
        {
            throw new InvalidOperationException("Call UseMongoStorage() before UseMongoInventory(): the inventory uses its database and options.");
        }

        return builder.AddInventory<MongoInventory>();
    }
}
