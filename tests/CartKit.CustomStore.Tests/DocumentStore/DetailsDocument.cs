namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>Stored checkout details of a cart or order; null on a cart or order without any.</summary>
public sealed record DetailsDocument(
    string? Email,
    AddressDocument? ShippingAddress,
    AddressDocument? BillingAddress,
    string? ShippingMethod,
    IReadOnlyList<string> DiscountCodes);

/// <summary>A stored postal address.</summary>
public sealed record AddressDocument(string Name, string Line1, string? Line2, string City, string? PostalCode, string? Region, string Country);
