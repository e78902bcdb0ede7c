using CartKit.Domain;

namespace CartKit.Catalog;

/// <summary>A product as the catalog sells it now.</summary>
/// <param name="Sku">The stock-keeping unit.</param>
/// <param name="Name">The display name.</param>
/// <param name="UnitPrice">The unit price; zero or more.</param>
/// <param name="IsAvailable">Whether it can be added to a cart and checked out now.</param>
public sealed record CatalogProduct(string Sku, string Name, Money UnitPrice, bool IsAvailable = true);
