using CartKit.Domain;
using CartKit.Events;
using CartKit.MongoDB.Documents;
using CartKit.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Every filter, update and sort MongoOrderRepository sends, in one place so the offline snapshot tests render
// exactly what production sends. Status changes are conditional: the filter carries the status they move from, and
// the same update pushes the change's event and makes the order due for the relay ($max: a pending retry's later due
// time stands), so an event exists exactly when its change does.
internal static class OrderQueries
{
    private static FilterDefinitionBuilder<OrderDocument> Filter => Builders<OrderDocument>.Filter;

    private static UpdateDefinitionBuilder<OrderDocument> Update => Builders<OrderDocument>.Update;

    // _id after createdAt keeps orders created in the same millisecond in one stable order.
    public static SortDefinition<OrderDocument> OldestFirst { get; } =
        Builders<OrderDocument>.Sort.Ascending(d => d.CreatedAt).Ascending(d => d.Id);

    public static FindOneAndUpdateOptions<OrderDocument> ReturnUpdated { get; } = new()
    {
        IsUpsert = false,
        ReturnDocument = ReturnDocument.After,
    };

    public static FilterDefinition<OrderDocument> ById(string orderId) => Filter.Eq(d => d.Id, orderId);

    public static FilterDefinition<OrderDocument> PendingById(string orderId) =>
        Filter.Eq(d => d.Id, orderId) & Filter.Eq(d => d.Status, OrderStatus.PendingPayment);

    // Pending and not expired at `at`: an order without expiresAt (stored before orders expired) never expires.
    public static FilterDefinition<OrderDocument> PayableById(string orderId, DateTimeOffset at) =>
        PendingById(orderId) & Filter.Not(Filter.Lte(d => d.ExpiresAt, at.UtcDateTime));

    public static FilterDefinition<OrderDocument> ConflictCandidateById(string orderId) =>
        Filter.Eq(d => d.Id, orderId)
        & Filter.In(d => d.Status, [OrderStatus.PendingPayment, OrderStatus.Superseded, OrderStatus.Expired, OrderStatus.Cancelled]);

    public static FilterDefinition<OrderDocument> ByCartVersion(string cartId, long cartVersion) =>
        Filter.Eq(d => d.CartId, cartId) & Filter.Eq(d => d.CartVersion, cartVersion);

    public static FilterDefinition<OrderDocument> ByCart(string cartId) => Filter.Eq(d => d.CartId, cartId);

    public static FilterDefinition<OrderDocument> PendingBefore(string cartId, long beforeCartVersion) =>
        Filter.Eq(d => d.CartId, cartId)
        & Filter.Eq(d => d.Status, OrderStatus.PendingPayment)
        & Filter.Lt(d => d.CartVersion, beforeCartVersion);

    public static UpdateDefinition<OrderDocument> Closed(OrderStatus status, DateTimeOffset closedAt) =>
        Update.Set(d => d.Status, status).Set(d => d.ClosedAt, closedAt.UtcDateTime)
            .Push(d => d.Events, Event(OrderEventRules.ForStatus(status), closedAt))
            .Max(d => d.EventsDueAt, closedAt.UtcDateTime);

    public static UpdateDefinition<OrderDocument> PaymentConflict(string paymentReference, DateTimeOffset paidAt) =>
        Update.Set(d => d.Status, OrderStatus.PaymentConflict)
            .Set(d => d.PaidAt, paidAt.UtcDateTime)
            .Set(d => d.PaymentReference, paymentReference)
            .Push(d => d.Events, Event(CartKitEventType.OrderPaymentConflict, paidAt))
            .Max(d => d.EventsDueAt, paidAt.UtcDateTime);

    public static UpdateDefinition<OrderDocument> Paid(string paymentReference, DateTimeOffset paidAt) =>
        Update.Set(d => d.Status, OrderStatus.Paid)
            .Set(d => d.PaidAt, paidAt.UtcDateTime)
            .Set(d => d.PaymentReference, paymentReference)
            .Push(d => d.Events, Event(CartKitEventType.OrderPaid, paidAt))
            .Max(d => d.EventsDueAt, paidAt.UtcDateTime);

    // The outbox. An order is claimable when its events are due and no claim on them lasts past now.
    public static SortDefinition<OrderDocument> DueFirst { get; } =
        Builders<OrderDocument>.Sort.Ascending(d => d.EventsDueAt).Ascending(d => d.Id);

    public static ProjectionDefinition<OrderDocument> IdOnly { get; } = Builders<OrderDocument>.Projection.Include(d => d.Id);

    public static OrderEventDocument Event(CartKitEventType type, DateTimeOffset at) => new() { Type = type, At = at.UtcDateTime };

    public static FilterDefinition<OrderDocument> EventsDue(DateTimeOffset now) =>
        Filter.Lte(d => d.EventsDueAt, now.UtcDateTime) & Filter.Not(Filter.Gt(d => d.EventLeaseUntil, now.UtcDateTime));

    public static FilterDefinition<OrderDocument> EventsDueById(string orderId, DateTimeOffset now) =>
        Filter.Eq(d => d.Id, orderId) & EventsDue(now);

    public static UpdateDefinition<OrderDocument> ClaimEvents(string leaseToken, DateTimeOffset leaseUntil) =>
        Update.Set(d => d.EventLease, leaseToken).Set(d => d.EventLeaseUntil, leaseUntil.UtcDateTime);

    public static FilterDefinition<OrderDocument> EventsHeldBy(string orderId, string leaseToken) =>
        Filter.Eq(d => d.Id, orderId) & Filter.Eq(d => d.EventLease, leaseToken);

    // Held, and no event recorded beyond the ones handled: the order can leave the outbox.
    public static FilterDefinition<OrderDocument> EventsHeldAndAllHandled(string orderId, string leaseToken, int handled) =>
        EventsHeldBy(orderId, leaseToken) & Filter.Size(d => d.Events, handled);

    public static UpdateDefinition<OrderDocument> EventsDone(OrderEventProgress progress) =>
        DeadLettered(
            Update.Set(d => d.EventsHandled, progress.Handled)
                .Unset(d => d.EventAttempts)
                .Unset(d => d.EventsDueAt)
                .Unset(d => d.EventLease)
                .Unset(d => d.EventLeaseUntil),
            progress);

    public static UpdateDefinition<OrderDocument> EventsWaiting(OrderEventProgress progress) =>
        DeadLettered(
            Update.Set(d => d.EventsHandled, progress.Handled)
                .Set(d => d.EventAttempts, progress.Attempts)
                .Set(d => d.EventsDueAt, progress.DueAt.UtcDateTime)
                .Unset(d => d.EventLease)
                .Unset(d => d.EventLeaseUntil),
            progress);

    // Pending events and the time of the oldest, over the orders in the partial index orders_events_due.
    public static PipelineDefinition<OrderDocument, BsonDocument> Backlog => PipelineDefinition<OrderDocument, BsonDocument>.Create(BacklogStages);

    public static IReadOnlyList<BsonDocument> BacklogStages { get; } =
    [
        new BsonDocument("$match", new BsonDocument("eventsDueAt", new BsonDocument("$exists", true))),
        new BsonDocument("$group", new BsonDocument
        {
            { "_id", BsonNull.Value },
            { "pending", new BsonDocument("$sum", new BsonDocument("$subtract", new BsonArray { new BsonDocument("$size", "$events"), new BsonDocument("$ifNull", new BsonArray { "$eventsHandled", 0 }) })) },
            { "oldest", new BsonDocument("$min", new BsonDocument("$arrayElemAt", new BsonArray { "$events.at", new BsonDocument("$ifNull", new BsonArray { "$eventsHandled", 0 }) })) },
        }),
    ];

    private static UpdateDefinition<OrderDocument> DeadLettered(UpdateDefinition<OrderDocument> update, OrderEventProgress progress)
    {
        foreach (var index in progress.DeadLettered)
        {
            update = update.Set(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"events.{index}.dead"), true);
        }

        return update;
    }
}
