using CartKit.Domain;
using CartKit.Events;

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
    DetailsDocument? Details = null,
    IReadOnlyList<OrderEventDocument>? Events = null,
    int EventsHandled = 0,
    int EventAttempts = 0,
    DateTimeOffset? EventsDueAt = null,
    string? EventLease = null,
    DateTimeOffset? EventLeaseUntil = null);

/// <summary>An event kept in a stored order's outbox.</summary>
public sealed record OrderEventDocument(CartKitEventType Type, DateTimeOffset At, bool Dead = false);
