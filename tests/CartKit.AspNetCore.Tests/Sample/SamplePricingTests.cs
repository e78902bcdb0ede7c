using CartKit.Domain;
using CartKit.Pricing;
using CartKit.SampleApi.Pricing;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>
/// The sample's pricing rules as a host would unit-test its own: through <see cref="CartPricingContext"/>, in the
/// order the sample registers them, with exact amounts in cents and the rounding rule's edges.
/// </summary>
public sealed class SamplePricingTests
{
    private static readonly PostalAddress Germany = new() { Name = "A", Line1 = "B", City = "Köln", Country = "DE" };
    private static readonly PostalAddress France = new() { Name = "A", Line1 = "B", City = "Lyon", Country = "FR" };
    private static readonly PostalAddress Austria = new() { Name = "A", Line1 = "B", City = "Wien", Country = "AT" };

    [Theory]
    [InlineData(2500, 10, 250)]
    [InlineData(325, 10, 33)] // 32.5: half away from zero
    [InlineData(324, 10, 32)]
    [InlineData(-325, 10, -33)]
    [InlineData(150, 19, 29)] // 28.5
    [InlineData(50, 19, 10)] // 9.5
    [InlineData(149, 19, 28)] // 28.31
    [InlineData(2740, 19, 521)] // 520.6
    [InlineData(1, 20, 0)] // 0.2
    [InlineData(3, 20, 1)] // 0.6
    [InlineData(0, 19, 0)]
    public void PercentOf_RoundsOncePerLine_HalfAwayFromZero(long amount, int percent, long expected)
    {
        Assert.Equal(expected, SamplePricing.PercentOf(amount, percent));
    }

    [Fact]
    public void PercentOf_AnAmountTooLargeToMultiply_Throws_RatherThanWrapping()
    {
        Assert.Throws<OverflowException>(() => SamplePricing.PercentOf(long.MaxValue / 10, 19));
    }

    [Fact]
    public async Task Welcome10_Takes10PercentOffTheSubtotal_AndIsAccepted()
    {
        var context = await PriceAsync([Line(325)], new CheckoutDetails { DiscountCodes = ["WELCOME10"] });

        Assert.Equal([new AdjustmentLine("WELCOME10: 10% off", new Money(-33, Currency.USD))], context.Adjustments);
        Assert.Equal(["WELCOME10"], context.AcceptedDiscountCodes);
        Assert.Equal(292, context.RunningTotal.Amount);
    }

    [Fact]
    public async Task OtherCodes_AreNotAccepted_SoCartKitRefusesThem()
    {
        var context = await PriceAsync([Line(5000)], new CheckoutDetails { DiscountCodes = ["WELCOME20", "SUMMER"] });

        Assert.Empty(context.Adjustments);
        Assert.Empty(context.AcceptedDiscountCodes);
    }

    [Theory]
    [InlineData(4999, "Standard shipping", 490)]
    [InlineData(5000, "Standard shipping (free from 50.00)", 0)]
    [InlineData(12000, "Standard shipping (free from 50.00)", 0)]
    public async Task StandardShipping_IsFlat_AndFreeFrom50AfterDiscounts(long subtotal, string name, long amount)
    {
        var context = await PriceAsync([Line(subtotal)], new CheckoutDetails { ShippingMethod = "standard" });

        Assert.Equal([new AdjustmentLine(name, new Money(amount, Currency.USD))], context.Adjustments);
        Assert.True(context.IsShippingMethodAccepted);
    }

    [Fact]
    public async Task TheFreeShippingThreshold_CountsTheSubtotalAfterTheDiscount()
    {
        // 55.00 is over 50.00, but 49.50 after WELCOME10 is not.
        var context = await PriceAsync([Line(5500)], new CheckoutDetails { ShippingMethod = "standard", DiscountCodes = ["WELCOME10"] });

        Assert.Equal(
            [new AdjustmentLine("WELCOME10: 10% off", new Money(-550, Currency.USD)), new AdjustmentLine("Standard shipping", new Money(490, Currency.USD))],
            context.Adjustments);
    }

    [Fact]
    public async Task ExpressShipping_IsNeverFree_AndUnknownMethodsAreNotAccepted()
    {
        var express = await PriceAsync([Line(20000)], new CheckoutDetails { ShippingMethod = "express" });
        var drone = await PriceAsync([Line(20000)], new CheckoutDetails { ShippingMethod = "drone" });

        Assert.Equal([new AdjustmentLine("Express shipping", new Money(990, Currency.USD))], express.Adjustments);
        Assert.Empty(drone.Adjustments);
        Assert.False(drone.IsShippingMethodAccepted);
    }

    [Theory]
    [InlineData("DE", "VAT DE 19%", 380)] // 19% of 19.99 = 3.7981
    [InlineData("FR", "VAT FR 20%", 400)] // 20% of 19.99 = 3.998
    public async Task Vat_IsChargedAtTheRateOfTheCountryShippedTo(string country, string name, long amount)
    {
        var context = await PriceAsync([Line(1999)], new CheckoutDetails { ShippingAddress = Germany with { Country = country } });

        Assert.Equal([new AdjustmentLine(name, new Money(amount, Currency.USD))], context.Adjustments);
    }

    [Fact]
    public async Task Vat_IsNotChargedWithoutAShippingAddress_OrForOtherCountries_OrForTheBillingCountry()
    {
        Assert.Empty((await PriceAsync([Line(1999)], CheckoutDetails.None)).Adjustments);
        Assert.Empty((await PriceAsync([Line(1999)], new CheckoutDetails { ShippingAddress = Austria })).Adjustments);
        Assert.Empty((await PriceAsync([Line(1999)], new CheckoutDetails { BillingAddress = Germany })).Adjustments);
    }

    [Fact]
    public async Task Vat_IsOnTheDiscountedGoodsPlusShipping_RoundedOnce()
    {
        // 2 x 12.50 = 25.00; -2.50; +4.90 = 27.40; 19% = 5.206 -> 5.21. Total 32.61.
        var context = await PriceAsync([Line(1250, 2)], new CheckoutDetails { ShippingAddress = Germany, ShippingMethod = "standard", DiscountCodes = ["WELCOME10"] });

        Assert.Equal(
            [
                new AdjustmentLine("WELCOME10: 10% off", new Money(-250, Currency.USD)),
                new AdjustmentLine("Standard shipping", new Money(490, Currency.USD)),
                new AdjustmentLine("VAT DE 19%", new Money(521, Currency.USD)),
            ],
            context.Adjustments);
        Assert.Equal(3261, context.RunningTotal.Amount);
    }

    [Fact]
    public async Task Vat_AtTheHalfCent_RoundsAwayFromZero()
    {
        // 1.50 at 19% is 0.285: 0.29.
        var context = await PriceAsync([Line(150)], new CheckoutDetails { ShippingAddress = France with { Country = "DE" } });

        Assert.Equal(29, context.Adjustments.Single().Amount.Amount);
    }

    // The rules in the order AddSamplePricing registers them.
    private static async Task<CartPricingContext> PriceAsync(IReadOnlyList<LineItem> lines, CheckoutDetails details)
    {
        var context = new CartPricingContext(Currency.USD, lines, details, userId: null);
        foreach (var rule in new ICartAdjustment[] { new WelcomeDiscount(), new ShippingRates(), new VatByCountry() })
        {
            await rule.ApplyAsync(context);
        }

        return context;
    }

    private static LineItem Line(long unitPrice, int quantity = 1) => new("item00000001", "SKU", "Product", new Money(unitPrice, Currency.USD), quantity);
}
