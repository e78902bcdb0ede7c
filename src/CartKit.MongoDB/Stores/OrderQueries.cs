using CartKit.Domain;
using CartKit.MongoDB.Documents;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Every filter, update and sort MongoOrderRepository sends, in one place so the offline snapshot tests render
// exactly what production sends. Status changes are conditional: the filter carries the status they move from.
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
        Update.Set(d => d.Status, status).Set(d => d.ClosedAt, closedAt.UtcDateTime);

    public static UpdateDefinition<OrderDocument> PaymentConflict(string paymentReference, DateTimeOffset paidAt) =>
        Update.Set(d => d.Status, OrderStatus.PaymentConflict)
            .Set(d => d.PaidAt, paidAt.UtcDateTime)
            .Set(d => d.PaymentReference, paymentReference);

    public static UpdateDefinition<OrderDocument> Paid(string paymentReference, DateTimeOffset paidAt) =>
        Update.Set(d => d.Status, OrderStatus.Paid)
            .Set(d => d.PaidAt, paidAt.UtcDateTime)
            .Set(d => d.PaymentReference, paymentReference);
}
