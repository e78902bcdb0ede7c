namespace CartKit.Catalog;

/// <summary>
/// The host's source of product names, prices and availability. CartKit never takes a price from a caller:
/// every line is priced through the catalog when it is added and again at checkout.
/// </summary>
public interface IProductCatalog
{
    /// <summary>Finds a product by sku.</summary>
    /// <param name="sku">A well-formed sku (1 to 64 letters, digits, <c>-</c>, <c>_</c> or <c>.</c>).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The product, or <see langword="null"/> when the sku is unknown.</returns>
    ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds several products at once, for checkout. The default implementation calls
    /// <see cref="FindAsync"/> for each sku; catalogs behind a remote service should override it with one call.
    /// </summary>
    /// <param name="skus">Distinct, well-formed skus.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The products found, keyed by sku; unknown skus are absent.</returns>
    async ValueTask<IReadOnlyDictionary<string, CatalogProduct>> FindManyAsync(
        IReadOnlyCollection<string> skus,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skus);
        var found = new Dictionary<string, CatalogProduct>(skus.Count, StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            if (await FindAsync(sku, cancellationToken).ConfigureAwait(false) is { } product)
            {
                found[sku] = product;
            }
        }

        return found;
    }
}
