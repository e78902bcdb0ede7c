using CartKit.Catalog;

namespace CartKit.SampleApi.Products;

/// <summary>A product of the demo catalog.</summary>
/// <param name="Sku">The sku to add to a cart.</param>
/// <param name="Name">The display name.</param>
/// <param name="UnitPrice">The unit price in minor units.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="Available">Whether it can be added to a cart.</param>
/// <param name="Stock">The units available to check out now (on hand, less those held by pending orders); <c>null</c> when not tracked.</param>
public sealed record ProductResponse(string Sku, string Name, long UnitPrice, string Currency, bool Available, long? Stock)
{
    internal static ProductResponse From(CatalogProduct product, IReadOnlyDictionary<string, long> stock) =>
        new(product.Sku, product.Name, product.UnitPrice.Amount, product.UnitPrice.Currency.Code, product.IsAvailable, stock.TryGetValue(product.Sku, out var units) ? units : null);
}
