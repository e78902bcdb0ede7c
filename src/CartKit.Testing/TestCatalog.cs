using System.Collections.Concurrent;
using CartKit.Catalog;
using CartKit.Domain;

namespace CartKit.Testing;

/// <summary>A catalog tests can change (prices, availability) and pause (to hold a checkout in flight).</summary>
public sealed class TestCatalog : IProductCatalog
{
    public static readonly CatalogProduct Shirt = new("SHIRT", "Shirt", new Money(1999, Currency.USD));
    public static readonly CatalogProduct Mug = new("MUG", "Mug", new Money(1250, Currency.USD));
    public static readonly CatalogProduct Cap = new("CAP", "Cap", new Money(2400, Currency.USD));
    public static readonly CatalogProduct Sticker = new("STICKER", "Sticker", new Money(325, Currency.USD));
    public static readonly CatalogProduct Poster = new("POSTER", "Poster", new Money(1500, Currency.USD), IsAvailable: false);
    public static readonly CatalogProduct Matcha = new("MATCHA-JP", "Matcha", new Money(1500, Currency.JPY));
    public static readonly CatalogProduct Dates = new("DATES-BH", "Dates", new Money(1250, Currency.BHD));

    private readonly ConcurrentDictionary<string, CatalogProduct> _products = new(StringComparer.Ordinal);

    public TestCatalog()
    {
        foreach (var product in new[] { Shirt, Mug, Cap, Sticker, Poster, Matcha, Dates })
        {
            _products[product.Sku] = product;
        }
    }

    /// <summary>Awaited before every lookup; tests set it to hold requests in flight.</summary>
    public Func<Task>? BeforeLookup { get; set; }

    public void SetPrice(string sku, long amount) =>
        _products[sku] = _products[sku] with { UnitPrice = new Money(amount, _products[sku].UnitPrice.Currency) };

    public void SetAvailable(string sku, bool available) => _products[sku] = _products[sku] with { IsAvailable = available };

    public void Add(CatalogProduct product) => _products[product.Sku] = product;

    public async ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default)
    {
        if (BeforeLookup is { } hook)
        {
            await hook();
        }

        return _products.GetValueOrDefault(sku);
    }
}
