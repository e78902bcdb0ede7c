
namespace CartKit.MongoDB;

/// <summary>
/// Where CartKit keeps carts, orders and idempotency keys in MongoDB, set through
/// <c>services.AddCartKit().UseMongoStorage(options => ...)</c>.
/// </summary>
/// <remarks>
/// The database comes from the first of: an <c>IMongoDatabase</c> registered by the host; an <c>IMongoClient</c>
/// registered by the host, with <see cref="DatabaseName"/>; <see cref="ConnectionString"/>; the
/// <c>ConnectionStrings:Mongo</c> configuration value. Setting <see cref="ConnectionString"/> while the host also
/// registers a client or database is refused at start, so CartKit never silently ignores one of them.
/// </remarks>
public sealed class MongoStorageOptions
{
    /// <summary>Gets or sets the MongoDB connection string CartKit builds its own client from.</summary>
    /// <value>
    /// <see langword="null"/>: use the host's <c>IMongoDatabase</c> or <c>IMongoClient</c>, else the
    /// <c>ConnectionStrings:Mongo</c> configuration value. A database named in the string's path is only the
    /// authentication database; carts are stored in <see cref="DatabaseName"/>.
    /// </value>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets the service key of a keyed <c>IMongoDatabase</c> or <c>IMongoClient</c> the host registered, for example
    /// with .NET Aspire's <c>builder.AddKeyedMongoDBClient("carts")</c>. When set, that registration is used and must exist.
    /// </summary>
    /// <value><see langword="null"/>: the unkeyed registrations, <see cref="ConnectionString"/> or <c>ConnectionStrings:Mongo</c>.</value>
    public string? ServiceKey { get; set; }

    /// <summary>Gets or sets the database name, unless the host registers an <c>IMongoDatabase</c> (which is used as it is).</summary>
    /// <value><c>cartkit</c>.</value>
    public string DatabaseName { get; set; } = "cartkit";

    /// <summary>Gets or sets the name of the carts collection.</summary>
    /// <value><c>carts</c>.</value>
    public string CartsCollectionName { get; set; } = "carts";

    /// <summary>Gets or sets the name of the orders collection.</summary>
    /// <value><c>orders</c>.</value>
    public string OrdersCollectionName { get; set; } = "orders";

    /// <summary>Gets or sets the name of the checkout idempotency keys collection.</summary>
    /// <value><c>idempotencyKeys</c>.</value>
    public string IdempotencyKeysCollectionName { get; set; } = "idempotencyKeys";

    /// <summary>Gets or sets the name of the stock collection (one document per sku), used with <c>UseMongoInventory()</c>.</summary>
    /// <value><c>stock</c>.</value>
    public string StockCollectionName { get; set; } = "stock";

    /// <summary>Gets or sets the name of the stock reservations collection, used with <c>UseMongoInventory()</c>.</summary>
    /// <value><c>stockReservations</c>.</value>
    public string StockReservationsCollectionName { get; set; } = "stockReservations";

    /// <summary>
    /// Gets or sets a value indicating whether CartKit creates its indexes when the host starts (a hosted service).
    /// The unique indexes enforce CartKit's rules, so a host that turns this off must create them before serving,
    /// with <see cref="ICartKitMongoIndexes.CreateAsync"/> (for example from a deployment step).
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool CreateIndexesOnStartup { get; set; } = true;
}
