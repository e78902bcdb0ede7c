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

    public static UpdateDefinition<OrderDocument> Superseded { get; } = Update.Set(d => d.Status, OrderStatus.Superseded);

    public static FilterDefinition<OrderDocument> ById(string orderId) => Filter.Eq(d => d.Id, orderId);

    public static FilterDefinition<OrderDocument> PendingById(string orderId) =>
        Filter.Eq(d => d.Id, orderId) & Filter.Eq(d => d.Status, OrderStatus.PendingPayment);

    public static FilterDefinition<OrderDocument> ByCartVersion(string cartId, long cartVersion) =>
        Filter.Eq(d => d.CartId, cartId) & Filter.Eq(d => d.CartVersion, cartVersion);

    public static FilterDefinition<OrderDocument> ByCart(string cartId) => Filter.Eq(d => d.CartId, cartId);

    public static FilterDefinition<OrderDocument> PendingBefore(string cartId, long beforeCartVersion) =>
        Filter.Eq(d => d.CartId, cartId)
        & Filter.Eq(d => d.Status, OrderStatus.PendingPayment)
        & Filter.Lt(d => d.CartVersion, beforeCartVersion);

    public static UpdateDefinition<OrderDocument> Paid(string paymentReference, DateTimeOffset paidAt) =>
        Update.Set(d => d.Status, OrderStatus.Paid)
            .Set(d => d.PaidAt, paidAt.UtcDateTime)
            .Set(d => d.PaymentReference, paymentReference);
}
