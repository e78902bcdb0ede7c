namespace CartKit.AspNetCore.Contracts;

/// <summary>Adds units of a product. Prices and names come from the catalog; anything else sent is ignored.</summary>
/// <param name="Sku">The product sku (required).</param>
/// <param name="Quantity">Units to add, 1 or more; 1 when omitted.</param>
public sealed record AddItemRequest(string Sku, int? Quantity = null);
