using CartKit.MongoDB.Documents;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Every filter and update MongoIdempotencyKeyStore sends, in one place so the offline snapshot tests render exactly
// what production sends.
internal static class IdempotencyKeyQueries
{
    private static FilterDefinitionBuilder<IdempotencyKeyDocument> Filter => Builders<IdempotencyKeyDocument>.Filter;

    public static ReplaceOptions UpsertClaim { get; } = new() { IsUpsert = true };

    public static FilterDefinition<IdempotencyKeyDocument> ByKey(string key) => Filter.Eq(d => d.Key, key);

    // Matches the key only when a new claim may take it: the record expired, or it is unfinished, its lease ran out
    // and the claim is for the same cart (IdempotencyRecord.HoldsKeyAgainst, negated). When the key is free or held,
    // nothing matches and the upsert's insert collides with the existing _id (or wins, when there is none).
    public static FilterDefinition<IdempotencyKeyDocument> Claimable(string key, string cartId, DateTimeOffset now) =>
        Filter.Eq(d => d.Key, key)
        & Filter.Or(
            Filter.Lte(d => d.ExpiresAt, now.UtcDateTime),
            Filter.Eq(d => d.OrderId, null)
                & Filter.Lte(d => d.LeaseExpiresAt, now.UtcDateTime)
                & Filter.Eq(d => d.CartId, cartId));

    public static FilterDefinition<IdempotencyKeyDocument> HeldBy(string key, string claimToken) =>
        Filter.Eq(d => d.Key, key) & Filter.Eq(d => d.ClaimToken, claimToken);

    public static UpdateDefinition<IdempotencyKeyDocument> Completed(string orderId) =>
        Builders<IdempotencyKeyDocument>.Update.Set(d => d.OrderId, orderId);
}
