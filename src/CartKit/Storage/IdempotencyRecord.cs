namespace CartKit.Storage;

/// <summary>What the store remembers about one idempotency key.</summary>
/// <param name="Key">The client's key.</param>
/// <param name="CartId">The cart the key was first used with.</param>
/// <param name="ClaimToken">A random token identifying the request that holds the key.</param>
/// <param name="OrderId">The order the request produced, once it finished.</param>
/// <param name="LeaseExpiresAt">Until when an unfinished request keeps the key to itself.</param>
/// <param name="ExpiresAt">When the key is forgotten.</param>
public sealed record IdempotencyRecord(
    string Key,
    string CartId,
    string ClaimToken,
    string? OrderId,
    DateTimeOffset LeaseExpiresAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Gets a value indicating whether the request holding the key finished with an order.</summary>
    public bool IsCompleted => OrderId is not null;

    /// <summary>Gets whether this record still holds its key at <paramref name="now"/> against a claim for <paramref name="cartId"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="cartId">The cart of the new claim.</param>
    /// <returns><see langword="true"/> when the new claim must be refused.</returns>
    public bool HoldsKeyAgainst(DateTimeOffset now, string cartId) =>
        ExpiresAt > now
        && (IsCompleted || LeaseExpiresAt > now || !string.Equals(CartId, cartId, StringComparison.Ordinal));
}
