using System.Text;
using CartKit.MongoDB.Connection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace CartKit.MongoDB.DependencyInjection;

// Runs at start (ValidateOnStart), so a host with no database, two competing ones, or names MongoDB refuses fails
// before serving a request, with every problem listed. Connection strings carry passwords: messages never quote them.
internal sealed class MongoStorageOptionsValidator(IServiceProvider services) : IValidateOptions<MongoStorageOptions>
{
    private const int MaxDatabaseNameBytes = 63;

    public ValidateOptionsResult Validate(string? name, MongoStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var configured = MongoDatabaseSource.ConfiguredConnectionString(services);
        var hostDatabase = IsRegistered(typeof(IMongoDatabase), options.ServiceKey);
        var hostClient = IsRegistered(typeof(IMongoClient), options.ServiceKey);
        if (options.ServiceKey is { } key && !hostDatabase && !hostClient)
        {
            failures.Add(NoKeyedRegistration(key));
        }

        var origin = MongoDatabaseSource.Choose(
            hostDatabase,
            hostClient,
            options.ConnectionString,
            configured,
            out var problem);
        if (problem is not null)
        {
            failures.Add(problem);
        }
        else if (origin == MongoDatabaseOrigin.ConnectionString && !IsConnectionString(options.ConnectionString!))
        {
            failures.Add("MongoStorageOptions.ConnectionString is not a valid MongoDB connection string (mongodb://... or mongodb+srv://...).");
        }
        else if (origin == MongoDatabaseOrigin.Configuration && !IsConnectionString(configured!))
        {
            failures.Add("The ConnectionStrings:Mongo configuration value is not a valid MongoDB connection string (mongodb://... or mongodb+srv://...).");
        }

        if (origin != MongoDatabaseOrigin.HostDatabase)
        {
            ValidateDatabaseName(failures, options.DatabaseName);
        }

        ValidateCollectionName(failures, nameof(options.CartsCollectionName), options.CartsCollectionName);
        ValidateCollectionName(failures, nameof(options.OrdersCollectionName), options.OrdersCollectionName);
        ValidateCollectionName(failures, nameof(options.IdempotencyKeysCollectionName), options.IdempotencyKeysCollectionName);
        ValidateCollectionName(failures, nameof(options.StockCollectionName), options.StockCollectionName);
        ValidateCollectionName(failures, nameof(options.StockReservationsCollectionName), options.StockReservationsCollectionName);
        string?[] collections =
        [
            options.CartsCollectionName, options.OrdersCollectionName, options.IdempotencyKeysCollectionName,
            options.StockCollectionName, options.StockReservationsCollectionName,
        ];
        if (collections.Distinct(StringComparer.Ordinal).Count() != collections.Length)
        {
            failures.Add("MongoStorageOptions.CartsCollectionName, OrdersCollectionName, IdempotencyKeysCollectionName, StockCollectionName and StockReservationsCollectionName must be different collections.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static string NoKeyedRegistration(string key) =>
        $"MongoStorageOptions.ServiceKey is '{key}', but no IMongoDatabase or IMongoClient is registered under that key (for example builder.AddKeyedMongoDBClient(\"{key}\")).";

    private bool IsRegistered(Type type, string? key) => key is null
        ? services.GetRequiredService<IServiceProviderIsService>().IsService(type)
        : services.GetService<IServiceProviderIsKeyedService>()?.IsKeyedService(type, key) == true;

    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            _ = MongoUrl.Create(connectionString);
            return true;
        }
        catch (MongoConfigurationException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // MongoDB's rules for database names on every platform it runs on.
    private static void ValidateDatabaseName(List<string> failures, string? databaseName)
    {
        if (string.IsNullOrWhiteSpace(databaseName))
        {
            failures.Add("MongoStorageOptions.DatabaseName is required (default \"cartkit\").");
        }
        else if (databaseName.IndexOfAny(['/', '\\', '.', ' ', '"', '$', '*', '<', '>', ':', '|', '?', '\0']) >= 0)
        {
            failures.Add($"MongoStorageOptions.DatabaseName '{databaseName}' may not contain / \\ . space \" $ * < > : | ? or a null character.");
        }
        else if (Encoding.UTF8.GetByteCount(databaseName) > MaxDatabaseNameBytes)
        {
            failures.Add($"MongoStorageOptions.DatabaseName must be at most {MaxDatabaseNameBytes} bytes long.");
        }
    }

    private static void ValidateCollectionName(List<string> failures, string property, string? collectionName)
    {
        if (string.IsNullOrWhiteSpace(collectionName))
        {
            failures.Add($"MongoStorageOptions.{property} is required.");
        }
        else if (collectionName.Contains('$', StringComparison.Ordinal) || collectionName.Contains('\0', StringComparison.Ordinal)
            || collectionName.StartsWith("system.", StringComparison.Ordinal))
        {
            failures.Add($"MongoStorageOptions.{property} '{collectionName}' may not contain $ or a null character, nor start with \"system.\".");
        }
    }
}
