namespace CartKit.Catalog;

// A catalog is host code: a product it returns with a bad sku or a negative price is a bug in the host,
// reported as an exception rather than silently priced into a cart.
internal static class ProductRules
{
    public static void EnsureValid(CatalogProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        if (!Sku.IsValid(product.Sku))
        {
            throw new InvalidOperationException($"The catalog returned a product with a malformed sku '{product.Sku}'.");
        }

        if (string.IsNullOrWhiteSpace(product.Name))
        {
            throw new InvalidOperationException($"The catalog returned product '{product.Sku}' without a name.");
        }

        if (product.UnitPrice.Currency is null || product.UnitPrice.Amount < 0)
        {
            throw new InvalidOperationException($"The catalog returned product '{product.Sku}' without a valid price.");
        }
    }
}
