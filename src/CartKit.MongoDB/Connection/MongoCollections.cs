using CartKit.MongoDB.Documents;
using MongoDB.Driver;

namespace CartKit.MongoDB.Connection;

// The collections, with the settings every CartKit operation runs under, whatever the host's client defaults
// are. Reads go to the primary, because compare-and-swap decisions and "does an order exist for this version" must
// see the latest acknowledged write. Writes wait for a majority, so an acknowledged cart version, order or key claim
// survives a failover (a write only the old primary had is rolled back by the next one).
internal sealed class MongoCollections
{
    public MongoCollections(IMongoDatabase database, MongoStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        MongoClassMaps.EnsureRegistered();
        Carts = database.GetCollection<CartDocument>(options.CartsCollectionName, Settings());
        Orders = database.GetCollection<OrderDocument>(options.OrdersCollectionName, Settings());
        IdempotencyKeys = database.GetCollection<IdempotencyKeyDocument>(options.IdempotencyKeysCollectionName, Settings());
        Stock = database.GetCollection<StockDocument>(options.StockCollectionName, Settings());
        StockReservations = database.GetCollection<StockReservationDocument>(options.StockReservationsCollectionName, Settings());
    }

    public IMongoCollection<CartDocument> Carts { get; }

    public IMongoCollection<OrderDocument> Orders { get; }

    public IMongoCollection<IdempotencyKeyDocument> IdempotencyKeys { get; }

    // Used only with UseMongoInventory(); GetCollection creates nothing until the first write.
    public IMongoCollection<StockDocument> Stock { get; }

    public IMongoCollection<StockReservationDocument> StockReservations { get; }

    public static MongoCollectionSettings Settings() => new()
    {
        ReadPreference = ReadPreference.Primary,
        WriteConcern = WriteConcern.WMajority,
    };
}
