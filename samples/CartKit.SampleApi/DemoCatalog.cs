using CartKit.Catalog;
using CartKit.Domain;

namespace CartKit.SampleApi;

/// <summary>The demo products the sample sells.</summary>
internal static class DemoCatalog
{
    public static IReadOnlyList<CatalogProduct> Products { get; } =
    [
        new("TSHIRT-BLK-M", "T-shirt, black, M", Money.FromMajorUnits(19.99m, Currency.USD)),
        new("HOODIE-GRY-L", "Hoodie, grey, L", Money.FromMajorUnits(49.00m, Currency.USD)),
        new("MUG-CARTKIT", "CartKit mug", Money.FromMajorUnits(12.50m, Currency.USD)),
        new("STICKER-PACK", "Sticker pack", Money.FromMajorUnits(3.25m, Currency.USD)),
        new("CAP-NAVY", "Cap, navy", Money.FromMajorUnits(24.00m, Currency.USD)),
        new("POSTER-A2", "Poster, A2 (sold out)", Money.FromMajorUnits(15.00m, Currency.USD), IsAvailable: false),
    ];
}
