using System.Collections.Immutable;
using CartKit.Domain;
using CartKit.Testing;

namespace CartKit.Tests.Domain;

/// <summary>
/// Carts and orders are shared between concurrent requests (a decoded cart is reused for every read of the same cache
/// entry), so nothing a caller holds can change a snapshot after it was built.
/// </summary>
public sealed class SnapshotImmutabilityTests
{
    [Fact]
    public void ACartCopiesTheListsItIsGiven()
    {
        var lines = new List<LineItem> { Line("MUG") };
        var merged = new List<string> { CartKitIds.NewCartId() };

        var cart = Samples.Cart() with { Lines = lines, MergedCartIds = merged };
        lines.Add(Line("CAP"));
        merged.Clear();

        Assert.Single(cart.Lines);
        Assert.Single(cart.MergedCartIds);
    }

    [Fact]
    public void ACartsLists_CannotBeCastBackToSomethingMutable()
    {
        var cart = Samples.Cart() with { Lines = [Line("MUG"), Line("CAP")] };

        Assert.IsNotType<LineItem[]>(cart.Lines);
        Assert.IsNotType<List<LineItem>>(cart.Lines);
        Assert.IsType<ImmutableArray<LineItem>>(cart.Lines);
        Assert.Throws<NotSupportedException>(() => ((IList<LineItem>)cart.Lines)[0] = Line("HAT"));
        Assert.Throws<NotSupportedException>(() => ((IList<AdjustmentLine>)cart.Adjustments).Add(new AdjustmentLine("Tip", new Money(1, Currency.USD))));
    }

    [Fact]
    public void AnOrderCopiesTheListsItIsGiven_AndTheyStayImmutable()
    {
        var lines = new List<LineItem> { Line("MUG") };

        var order = Samples.Order(Samples.Cart()) with { Lines = lines };
        lines.Clear();

        Assert.Single(order.Lines);
        Assert.Throws<NotSupportedException>(() => ((IList<LineItem>)order.Lines).Clear());
    }

    [Fact]
    public void AnImmutableArrayIsKeptAsItIs_WithoutACopy()
    {
        IReadOnlyList<LineItem> lines = ImmutableArray.Create(Line("MUG"));

        var cart = Samples.Cart() with { Lines = lines };

        Assert.Same(lines, cart.Lines);
    }

    private static LineItem Line(string sku) => new(CartKitIds.NewItemId(), sku, sku, new Money(100, Currency.USD), 1);
}
