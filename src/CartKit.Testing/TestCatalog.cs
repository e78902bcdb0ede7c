using System.Collections.Concurrent;
using CartKit.Catalog;
using CartKit.Domain;

namespace CartKit.Testing;

/// <summary>A catalog tests can change (prices, availability) and pause (to hold a checkout in flight).</summary>
public sealed class TestCatalog : IProductCatalog
{
    /// <summary>A shirt at 19.99 USD.</summary>
    public static readonly CatalogProduct Shirt = new("SHIRT", "Shirt", new Money(1999, Currency.USD));
    /// <summary>A mug at 12.50 USD.</summary>
    public static readonly CatalogProduct Mug = new("MUG", "Mug", new Money(1250, Currency.USD));
    /// <summary>A cap at 24.00 USD.</summary>
    public static readonly CatalogProduct Cap = new("CAP", "Cap", new Money(2400, Currency.USD));
    /// <summary>A sticker at 3.25 USD.</summary>
    public static readonly CatalogProduct Sticker = new("STICKER", "Sticker", new Money(325, Currency.USD));
    /// <summary>A poster that is not available.</summary>
    public static readonly CatalogProduct Poster = new("POSTER", "Poster", new Money(1500, Currency.USD), IsAvailable: false);
    /// <summary>Matcha at 1500 JPY (no minor unit).</summary>
    public static readonly CatalogProduct Matcha = new("MATCHA-JP", "Matcha", new Money(1500, Currency.JPY));
    /// <summary>Dates at 1.250 BHD (three-digit minor unit).</summary>
    public static readonly CatalogProduct Dates = new("DATES-BH", "Dates", new Money(1250, Currency.BHD));

    private readonly ConcurrentDictionary<string, CatalogProduct> _products = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="TestCatalog"/> class with the products above.</summary>
    public TestCatalog()
    {
        foreach (var product in new[] { Shirt, Mug, Cap, Sticker, Poster, Matcha, Dates })
        {
            _products[product.Sku] = product;
        }
    }

    /// <summary>Awaited before every lookup; tests set it to hold requests in flight.</summary>
    public Func<Task>? BeforeLookup { get; set; }

    /// <summary>Changes a product's price, in its currency's minor unit.</summary>
    /// <param name="sku">The product's sku.</param>
    /// <param name="amount">The new price.</param>
    public void SetPrice(string sku, long amount) =>
        _products[sku] = _products[sku] with { UnitPrice = new Money(amount, _products[sku].UnitPrice.Currency) };

    /// <summary>Makes a product available or unavailable.</summary>
    /// <param name="sku">The product's sku.</param>
    /// <param name="available">Whether it can be sold.</param>
    public void SetAvailable(string sku, bool available) => _products[sku] = _products[sku] with { IsAvailable = available };

    /// <summary>Adds a product, or replaces the one with its sku.</summary>
    /// <param name="product">The product.</param>
    public void Add(CatalogProduct product) => _products[product.Sku] = product;

    /// <inheritdoc/>
    public async ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default)
    {
        if (BeforeLookup is { } hook)
        {
            await hook();
        }

        return _products.GetValueOrDefault(sku);
    }
}
