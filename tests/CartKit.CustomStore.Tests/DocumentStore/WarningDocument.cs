using CartKit.Domain;

namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>A stored cart warning (what a sign-in merge could not keep).</summary>
public sealed record WarningDocument(CartWarningCode Code, string Sku, string? ItemId, int RequestedQuantity, int KeptQuantity, string Message);
