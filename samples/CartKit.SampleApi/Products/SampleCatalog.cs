using CartKit.Catalog;

namespace CartKit.SampleApi.Products;

/// <summary>CartKit's view of <see cref="SampleProducts"/>: every add and checkout prices from the table as it is now.</summary>
internal sealed class SampleCatalog(SampleProducts products) : IProductCatalog
{
    public ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(products.Find(sku));
}
