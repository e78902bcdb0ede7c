using System.Collections.Concurrent;
using CartKit.Catalog;
using CartKit.Domain;

namespace CartKit.SampleApi.Products;

/// <summary>
/// The sample's product table: the demo catalog, changeable at run time through the admin route so a person can see
/// CartKit react to a price change or a product going out of sale. A real shop's catalog lives in its own service.
/// </summary>
internal sealed class SampleProducts
{
    private readonly ConcurrentDictionary<string, CatalogProduct> _products =
        new(DemoCatalog.Products.Select(p => KeyValuePair.Create(p.Sku, p)), StringComparer.Ordinal);

    public IReadOnlyList<CatalogProduct> All => [.. DemoCatalog.Products.Select(p => _products[p.Sku])];

    public CatalogProduct? Find(string sku) => _products.GetValueOrDefault(sku);

    // The product with its new price (minor units of its currency) and availability, or null for an unknown sku.
    public CatalogProduct? Update(string sku, long unitPrice, bool available)
    {
        while (_products.TryGetValue(sku, out var current))
        {
            var updated = current with { UnitPrice = new Money(unitPrice, current.UnitPrice.Currency), IsAvailable = available };
            if (_products.TryUpdate(sku, updated, current))
            {
                return updated;
            }
        }

        return null;
    }
}
