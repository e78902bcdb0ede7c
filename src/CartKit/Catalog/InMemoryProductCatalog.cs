using System.Collections.Frozen;

namespace CartKit.Catalog;

// The catalog registered by UseInMemoryCatalog(...): a fixed product list, for samples, tests and small shops.
internal sealed class InMemoryProductCatalog : IProductCatalog
{
    private readonly FrozenDictionary<string, CatalogProduct> _products;

    public InMemoryProductCatalog(IEnumerable<CatalogProduct> products)
    {
        ArgumentNullException.ThrowIfNull(products);
        var bySku = new Dictionary<string, CatalogProduct>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            ProductRules.EnsureValid(product);
            if (!bySku.TryAdd(product.Sku, product))
            {
                throw new ArgumentException($"The catalog lists sku '{product.Sku}' twice.", nameof(products));
            }
        }

        _products = bySku.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_products.GetValueOrDefault(sku));
}
