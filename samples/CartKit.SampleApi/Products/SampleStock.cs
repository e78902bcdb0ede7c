namespace CartKit.SampleApi.Products;

/// <summary>
/// The demo products' starting stock: <c>Sample:Stock:&lt;sku&gt;</c> in configuration, else <see cref="DefaultUnits"/>.
/// The sample's inventory is the in-memory one, fed from this at start; the admin route changes it at run time.
/// </summary>
internal static class SampleStock
{
    // Large, so load tests and demos that never pay do not run the shop dry within an order TTL; set a sku's
    // Sample:Stock (or PUT its stock) to a few units to watch checkouts get 409 insufficient-stock.
    public const long DefaultUnits = 1_000_000;

    public static IEnumerable<KeyValuePair<string, long>> FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Sample:Stock");
        foreach (var product in DemoCatalog.Products)
        {
            var units = section.GetValue<long?>(product.Sku) ?? DefaultUnits;
            if (units < 0)
            {
                throw new InvalidOperationException($"Sample:Stock:{product.Sku} must be zero or more.");
            }

            yield return KeyValuePair.Create(product.Sku, units);
        }
    }
}
