using CartKit.Domain;
using CartKit.Pricing;
using CartKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Tests.Pricing;

/// <summary>10% off orders of 50.00 or more (rounded down to the minor unit, in the shopper's favour).</summary>
public sealed class TenPercentOffOver50 : ICartAdjustment
{
    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        if (context.RunningTotal.Amount >= 50 * context.Currency.MinorUnitsPerMajorUnit)
        {
            context.Add("10% off", -(context.RunningTotal.Amount / 10));
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Flat 4.99 shipping, free once the running total (after discounts) reaches 50.00.</summary>
public sealed class Shipping : ICartAdjustment
{
    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        if (context.RunningTotal.Amount < 50 * context.Currency.MinorUnitsPerMajorUnit)
        {
            context.Add("Shipping", 4 * context.Currency.MinorUnitsPerMajorUnit + (99 * context.Currency.MinorUnitsPerMajorUnit / 100));
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class Overdiscount : ICartAdjustment
{
    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        context.Add("Too generous", -(context.RunningTotal.Amount + 1));
        return ValueTask.CompletedTask;
    }
}

public sealed class CartAdjustmentTests : IAsyncLifetime
{
    private readonly List<CartKitHarness> _harnesses = [];

    [Fact]
    public async Task Adjustments_RunInRegistrationOrder_EachSeeingTheRunningTotal()
    {
        var kit = Harness(b => b.AddCartAdjustment<TenPercentOffOver50>().AddCartAdjustment<Shipping>());
        var session = await kit.NewSessionAsync();

        var small = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        Assert.Equal([new AdjustmentLine("Shipping", new Money(499, Currency.USD))], small.Adjustments);
        Assert.Equal(1250 + 499, small.Total.Amount);

        // 4 mugs = 50.00: 10% off leaves 45.00, below 50.00, so the later shipping step still charges.
        var large = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 3));
        Assert.Equal(
            [new AdjustmentLine("10% off", new Money(-500, Currency.USD)), new AdjustmentLine("Shipping", new Money(499, Currency.USD))],
            large.Adjustments);
        Assert.Equal(5000 - 500 + 499, large.Total.Amount);
    }

    [Fact]
    public async Task Adjustments_AreRecomputedAtCheckout()
    {
        var kit = Harness(b => b.AddCartAdjustment<TenPercentOffOver50>());
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 4);
        kit.Catalog.SetPrice("MUG", 1000);
        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.PriceChanged);

        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        Assert.Empty(order.Adjustments);
        Assert.Equal(4000, order.Total.Amount);
    }

    [Fact]
    public async Task Adjustments_UseTheCartsCurrency_WithoutFloatingPoint()
    {
        var kit = Harness(b => b.AddCartAdjustment<TenPercentOffOver50>());
        var session = await kit.NewSessionAsync();

        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "DATES-BH", 41));

        // 41 x 1.250 BHD = 51.250 BHD; 10% off = 5.125 BHD exactly, in fils.
        Assert.Equal(new Money(-5125, Currency.BHD), cart.Adjustments.Single().Amount);
        Assert.Equal("46.125 BHD", cart.Total.ToString());
    }

    [Fact]
    public async Task Adjustments_DoNotRunOnAnEmptyCart()
    {
        var kit = Harness(b => b.AddCartAdjustment<Shipping>());
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        var cleared = ResultAssert.Success(await kit.Carts.ClearAsync(session));

        Assert.Single(cart.Adjustments);
        Assert.Empty(cleared.Adjustments);
        Assert.Equal(0, cleared.Total.Amount);
    }

    [Fact]
    public async Task AnAdjustmentThatWouldMakeTheTotalNegative_IsAFault_AndChangesNothing()
    {
        var kit = Harness(b => b.AddCartAdjustment<Overdiscount>());
        var session = await kit.NewSessionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await kit.Carts.AddItemAsync(session, "MUG", 1));

        Assert.Empty(ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Lines);
    }

    [Fact]
    public void AddingTheSameAdjustmentTwice_RegistersItOnce()
    {
        var kit = Harness(b => b.AddCartAdjustment<Shipping>().AddCartAdjustment<Shipping>());

        Assert.Single(kit.Services.GetServices<ICartAdjustment>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }
    }

    private CartKitHarness Harness(Action<ICartKitBuilder> configure)
    {
        var harness = CartKitHarness.Create(b => configure(b.UseInMemoryStorage()));
        _harnesses.Add(harness);
        return harness;
    }
}
