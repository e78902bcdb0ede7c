using CartKit.Domain;
using CartKit.MongoDB.Documents;
using CartKit.Storage;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Every filter and sort MongoCartRepository sends, in one place so the offline snapshot tests render exactly what
// production sends. Carts are written whole (ReplaceOne), so there are no update definitions.
internal static class CartQueries
{
    private static FilterDefinitionBuilder<CartDocument> Filter => Builders<CartDocument>.Filter;

    public static SortDefinition<CartDocument> MostRecentlyActiveFirst { get; } =
        Builders<CartDocument>.Sort.Descending(d => d.LastActivityAt);

    // Keyset order of the abandoned-cart query; _id breaks ties between carts last active in the same millisecond.
    public static SortDefinition<CartDocument> OldestActivityFirst { get; } =
        Builders<CartDocument>.Sort.Ascending(d => d.LastActivityAt).Ascending(d => d.Id);

    public static FilterDefinition<CartDocument> ById(string cartId) => Filter.Eq(d => d.Id, cartId);

    // The compare-and-swap: matches only while the stored version is the one the new snapshot was made from.
    public static FilterDefinition<CartDocument> ByIdAndVersion(string cartId, long expectedVersion) =>
        Filter.Eq(d => d.Id, cartId) & Filter.Eq(d => d.Version, expectedVersion);

    public static FilterDefinition<CartDocument> ActiveBySession(string sessionId) =>
        Filter.Eq(d => d.SessionId, sessionId) & Filter.Eq(d => d.Status, CartStatus.Active);

    public static FilterDefinition<CartDocument> ActiveByUser(string userId) =>
        Filter.Eq(d => d.UserId, userId) & Filter.Eq(d => d.Status, CartStatus.Active);

    public static FilterDefinition<CartDocument> Inactive(DateTimeOffset lastActivityAtOrBefore, InactiveCartCursor? after)
    {
        var filter = Filter.Eq(d => d.Status, CartStatus.Active)
            & Filter.Lte(d => d.LastActivityAt, lastActivityAtOrBefore.UtcDateTime);
        if (after is { } cursor)
        {
            var at = cursor.LastActivityAt.UtcDateTime;
            filter &= Filter.Or(
                Filter.Gt(d => d.LastActivityAt, at),
                Filter.Eq(d => d.LastActivityAt, at) & Filter.Gt(d => d.Id, cursor.CartId));
        }

        return filter;
    }
}
