using CartKit.Domain;
using CartKit.MongoDB.Documents;
using MongoDB.Driver;

namespace CartKit.MongoDB.Indexes;

// Every index CartKit creates, by name. The unique ones are what make the store rules hold across processes; the
// stores tell which rule a duplicate key broke by the index name in the error, so names here are part of the
// contract with the stores (and with databases already deployed: renaming one means migrating it).
internal static class MongoIndexes
{
    /// <summary>The index MongoDB always has on _id; named in duplicate-key errors like ours.</summary>
    public const string Id = "_id_";

    public const string CartsBySession = "carts_by_session";
    public const string CartsByUserAndStatus = "carts_by_user_status";
    public const string CartsOneActivePerUser = "carts_one_active_per_user_v2";

    /// <summary>
    /// The same rule as <see cref="CartsOneActivePerUser"/> under its earlier definition (a <c>$type</c> partial filter,
    /// which Amazon DocumentDB refuses). A database whose indexes an earlier CartKit created keeps it until an operator
    /// drops it (docs/mongodb.md); while it exists it still refuses a second active cart, so the stores recognise it.
    /// </summary>
    public const string LegacyCartsOneActivePerUser = "carts_one_active_per_user";
    public const string CartsByStatusAndLastActivity = "carts_by_status_last_activity";

    public const string OrdersOnePerCartVersion = "orders_one_per_cart_version";
    public const string OrdersByCartAndCreation = "orders_by_cart_created";
    public const string OrdersOnePaidPerCart = "orders_one_paid_per_cart";
    public const string OrdersEventsDue = "orders_events_due";

    public const string IdempotencyKeysExpiry = "idempotency_keys_expire";

    public const string StockReservationsByStateAndExpiry = "stock_reservations_by_state_expiry";

    public static IReadOnlyList<CreateIndexModel<CartDocument>> Carts { get; } =
    [
        // FindActiveBySessionAsync (session restore).
        new(
            Builders<CartDocument>.IndexKeys.Ascending(d => d.SessionId).Ascending(d => d.Status),
            new CreateIndexOptions<CartDocument> { Name = CartsBySession }),

        // FindActiveByUserAsync (sign-in, merge).
        new(
            Builders<CartDocument>.IndexKeys.Ascending(d => d.UserId).Ascending(d => d.Status),
            new CreateIndexOptions<CartDocument> { Name = CartsByUserAndStatus }),

        // A user has at most one active cart: guest carts (stored without a userId) and closed carts are outside the
        // index. $exists and equality only, the partial-filter operators MongoDB 6-8, Atlas and DocumentDB all accept.
        new(
            Builders<CartDocument>.IndexKeys.Ascending(d => d.UserId),
            new CreateIndexOptions<CartDocument>
            {
                Name = CartsOneActivePerUser,
                Unique = true,
                PartialFilterExpression = Builders<CartDocument>.Filter.Eq(d => d.Status, CartStatus.Active)
                    & Builders<CartDocument>.Filter.Exists(d => d.UserId),
            }),

        // FindInactiveAsync (abandoned carts), keyset-paged on (lastActivityAt, _id).
        new(
            Builders<CartDocument>.IndexKeys.Ascending(d => d.Status).Ascending(d => d.LastActivityAt).Ascending(d => d.Id),
            new CreateIndexOptions<CartDocument> { Name = CartsByStatusAndLastActivity }),
    ];

    public static IReadOnlyList<CreateIndexModel<OrderDocument>> Orders { get; } =
    [
        // One order per cart version: concurrent checkouts of one version agree on one order (FindByCartVersionAsync).
        new(
            Builders<OrderDocument>.IndexKeys.Ascending(d => d.CartId).Ascending(d => d.CartVersion),
            new CreateIndexOptions<OrderDocument> { Name = OrdersOnePerCartVersion, Unique = true }),

        // ListByCartAsync, oldest first.
        new(
            Builders<OrderDocument>.IndexKeys.Ascending(d => d.CartId).Ascending(d => d.CreatedAt),
            new CreateIndexOptions<OrderDocument> { Name = OrdersByCartAndCreation }),

        // At most one paid order per cart: the second MarkPaidAsync of a cart hits this index.
        new(
            Builders<OrderDocument>.IndexKeys.Ascending(d => d.CartId),
            new CreateIndexOptions<OrderDocument>
            {
                Name = OrdersOnePaidPerCart,
                Unique = true,
                PartialFilterExpression = Builders<OrderDocument>.Filter.Eq(d => d.Status, OrderStatus.Paid),
            }),

        // The event relay's claims, oldest due first: only orders with undelivered events carry eventsDueAt, so the
        // index holds the outbox backlog, not every order.
        new(
            Builders<OrderDocument>.IndexKeys.Ascending(d => d.EventsDueAt),
            new CreateIndexOptions<OrderDocument>
            {
                Name = OrdersEventsDue,
                PartialFilterExpression = Builders<OrderDocument>.Filter.Exists(d => d.EventsDueAt),
            }),
    ];

    public static IReadOnlyList<CreateIndexModel<IdempotencyKeyDocument>> IdempotencyKeys { get; } =
    [
        // MongoDB deletes a key once its expiresAt has passed. Correctness does not depend on it (the claim filter
        // treats an expired record as free); it only keeps the collection from growing.
        new(
            Builders<IdempotencyKeyDocument>.IndexKeys.Ascending(d => d.ExpiresAt),
            new CreateIndexOptions<IdempotencyKeyDocument> { Name = IdempotencyKeysExpiry, ExpireAfter = TimeSpan.Zero }),
    ];

    // Stock documents need no index beyond _id (every update names its sku).
    public static IReadOnlyList<CreateIndexModel<StockReservationDocument>> StockReservations { get; } =
    [
        // ListExpiredAsync (the expiry sweep): held reservations by expiry, oldest first.
        new(
            Builders<StockReservationDocument>.IndexKeys.Ascending(d => d.State).Ascending(d => d.ExpiresAt),
            new CreateIndexOptions<StockReservationDocument> { Name = StockReservationsByStateAndExpiry }),
    ];
}
