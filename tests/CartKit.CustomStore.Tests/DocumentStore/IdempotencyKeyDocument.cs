namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>A stored idempotency key claim.</summary>
public sealed record IdempotencyKeyDocument(
    string Key,
    string CartId,
    string ClaimToken,
    string? OrderId,
    DateTimeOffset LeaseExpiresAt,
    DateTimeOffset ExpiresAt);
