using CartKit.MongoDB.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace CartKit.MongoDB.Connection;

// Where CartKit's database comes from: the host's IMongoDatabase (keyed by ServiceKey when set), else its IMongoClient with
// MongoStorageOptions.DatabaseName, else a client CartKit builds (once per container, disposed with it) from
// MongoStorageOptions.ConnectionString or ConnectionStrings:Mongo. A client is thread-safe and pools connections,
// so one per process is what the driver expects; the host's client is preferred when there is one.
internal sealed class MongoDatabaseSource : IDisposable
{
    public const string ConfigurationKey = "Mongo";

    private readonly MongoClient? _ownedClient;

    public MongoDatabaseSource(IServiceProvider services, IOptions<MongoStorageOptions> options, ILogger<MongoDatabaseSource> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var configured = ConfiguredConnectionString(services);
        var key = settings.ServiceKey;
        var hostDatabase = key is null ? services.GetService<IMongoDatabase>() : services.GetKeyedService<IMongoDatabase>(key);
        var hostClient = hostDatabase is not null ? null
            : key is null ? services.GetService<IMongoClient>() : services.GetKeyedService<IMongoClient>(key);

        // Reading options.Value above ran MongoStorageOptionsValidator, which refuses a ServiceKey nothing is registered
        // under, and a configuration with no database at all.
        var origin = Choose(hostDatabase is not null, hostClient is not null, settings.ConnectionString, configured, out var problem);
        switch (origin)
        {
            case MongoDatabaseOrigin.HostDatabase:
                Database = hostDatabase!;
                break;
            case MongoDatabaseOrigin.HostClient:
                Database = hostClient!.GetDatabase(settings.DatabaseName);
                break;
            case MongoDatabaseOrigin.ConnectionString or MongoDatabaseOrigin.Configuration:
                var url = MongoUrl.Create(origin == MongoDatabaseOrigin.ConnectionString ? settings.ConnectionString : configured);
                var clientSettings = MongoClientSettings.FromUrl(url);

                // On unless the connection string turns them off: Amazon DocumentDB has no retryable writes and refuses
                // every write of a client that asks for them, so its connection strings say retryWrites=false.
                clientSettings.RetryWrites = url.RetryWrites ?? true;
                clientSettings.RetryReads = url.RetryReads ?? true;
                _ownedClient = new MongoClient(clientSettings);
                Database = _ownedClient.GetDatabase(settings.DatabaseName);
                break;
            default:
                throw new InvalidOperationException(problem);
        }

        if (!Database.Client.Settings.RetryWrites)
        {
            Log.MongoRetryableWritesOff(logger);
        }
    }

    public IMongoDatabase Database { get; }

    public void Dispose() => _ownedClient?.Dispose();

    public static string? ConfiguredConnectionString(IServiceProvider services) =>
        services.GetService<IConfiguration>()?.GetConnectionString(ConfigurationKey);

    // The one decision both this class and MongoStorageOptionsValidator make, so start-up validation and the first
    // request can never disagree about where the database is.
    public static MongoDatabaseOrigin? Choose(
        bool hostDatabase,
        bool hostClient,
        string? connectionString,
        string? configuredConnectionString,
        out string? problem)
    {
        problem = null;
        if ((hostDatabase || hostClient) && !string.IsNullOrWhiteSpace(connectionString))
        {
            problem = $"MongoStorageOptions.ConnectionString is set, but the host also registers an {(hostDatabase ? nameof(IMongoDatabase) : nameof(IMongoClient))}; "
                + "CartKit would use only one of them. Remove ConnectionString to use the host's client, or stop registering it.";
            return null;
        }

        if (hostDatabase)
        {
            return MongoDatabaseOrigin.HostDatabase;
        }

        if (hostClient)
        {
            return MongoDatabaseOrigin.HostClient;
        }

        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return MongoDatabaseOrigin.ConnectionString;
        }

        if (!string.IsNullOrWhiteSpace(configuredConnectionString))
        {
            return MongoDatabaseOrigin.Configuration;
        }

        problem = "CartKit has no MongoDB database to use: register an IMongoDatabase or IMongoClient, set MongoStorageOptions.ConnectionString "
            + "(UseMongoStorage(o => o.ConnectionString = ...)), or add a ConnectionStrings:Mongo configuration value.";
        return null;
    }
}
