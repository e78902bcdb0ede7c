using CartKit.Domain;

namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>
/// A stored cart: the store's own shape, independent of CartKit's types (what a third party would version and migrate).
/// </summary>
public sealed record CartDocument(
    string Id,
    string SessionId,
    string? UserId,
    CartStatus Status,
    string Currency,
    IReadOnlyList<LineDocument> Lines,
    IReadOnlyList<AdjustmentDocument> Adjustments,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset LastActivityAt,
    string? MergedIntoCartId,
    IReadOnlyList<string> MergedCartIds,
    string? CompletedByOrderId,
    string? RemainderCartId = null,
    IReadOnlyList<WarningDocument>? Warnings = null,
    DetailsDocument? Details = null);
