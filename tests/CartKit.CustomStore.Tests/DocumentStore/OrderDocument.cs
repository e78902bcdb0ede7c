using CartKit.Domain;

namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>A stored order.</summary>
public sealed record OrderDocument(
    string Id,
    string CartId,
    long CartVersion,
    string SessionId,
    string? UserId,
    OrderStatus Status,
    string Currency,
    IReadOnlyList<LineDocument> Lines,
    IReadOnlyList<AdjustmentDocument> Adjustments,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt,
    string? PaymentReference,
    DateTimeOffset? ClosedAt,
    DetailsDocument? Details = null);
