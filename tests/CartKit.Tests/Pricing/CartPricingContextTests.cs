using CartKit.Domain;
using CartKit.Pricing;
using CartKit.Testing;

namespace CartKit.Tests.Pricing;

public sealed class CartPricingContextTests
{
    private static readonly LineItem[] Lines = [new("item00000001", "MUG", "Mug", new Money(1250, Currency.USD), 2)];

    [Fact]
    public void TheContext_ShowsTheCustomerAndTheDetails()
    {
        var context = new CartPricingContext(Currency.USD, Lines, Samples.Details, "user-1");

        Assert.Equal("user-1", context.UserId);
        Assert.Equal(Samples.Details.Email, context.Email);
        Assert.Equal(Samples.Details.ShippingAddress, context.ShippingAddress);
        Assert.Equal(Samples.Details.BillingAddress, context.BillingAddress);
        Assert.Equal("express", context.ShippingMethod);
        Assert.Equal(["WELCOME10", "VIP-2026"], context.DiscountCodes);
        Assert.Equal(2500, context.Subtotal.Amount);
        Assert.Empty(context.AcceptedDiscountCodes);
        Assert.False(context.IsShippingMethodAccepted);
    }

    [Fact]
    public void WithoutDetails_EverythingIsEmpty()
    {
        var context = new CartPricingContext(Currency.USD, Lines);

        Assert.Null(context.UserId);
        Assert.Null(context.Email);
        Assert.Null(context.ShippingAddress);
        Assert.Null(context.ShippingMethod);
        Assert.Empty(context.DiscountCodes);
        Assert.Throws<InvalidOperationException>(context.AcceptShippingMethod);
    }

    [Fact]
    public void AcceptingACode_IgnoresCase_CountsOnce_AndKeepsTheCartsSpelling()
    {
        var context = new CartPricingContext(Currency.USD, Lines, Samples.Details, null);

        context.AcceptDiscountCode("vip-2026");
        context.AcceptDiscountCode("VIP-2026");

        Assert.Equal(["VIP-2026"], context.AcceptedDiscountCodes);
    }

    [Fact]
    public void AcceptingACodeTheShopperDidNotEnter_IsABug_AndThrows()
    {
        var context = new CartPricingContext(Currency.USD, Lines, Samples.Details, null);

        Assert.Throws<ArgumentException>(() => context.AcceptDiscountCode("FREEMONEY"));
        Assert.Throws<ArgumentException>(() => context.AcceptDiscountCode(" "));
    }

    [Fact]
    public void WhatIsKept_IsWhatWasAccepted_InTheShoppersOrder()
    {
        var all = new CartPricingContext(Currency.USD, Lines, Samples.Details, null);
        all.AcceptDiscountCode("VIP-2026");
        all.AcceptDiscountCode("WELCOME10");
        all.AcceptShippingMethod();
        var some = new CartPricingContext(Currency.USD, Lines, Samples.Details, null);
        some.AcceptDiscountCode("VIP-2026");

        Assert.Same(Samples.Details, all.AcceptedDetails());
        Assert.Equal(Samples.Details with { DiscountCodes = ["VIP-2026"], ShippingMethod = null }, some.AcceptedDetails());
    }

    [Fact]
    public async Task ThePricer_WithoutAdjustments_KeepsAnEmptyCartsDetails_AndDropsCodesAndMethodFromOneWithLines()
    {
        var pricer = new CartPricer([]);

        var empty = await pricer.PriceAsync(Currency.USD, [], Samples.Details, null, default);
        var withLines = await pricer.PriceAsync(Currency.USD, Lines, Samples.Details, null, default);
        var plain = await pricer.PriceAsync(Currency.USD, Lines, CheckoutDetails.None, null, default);

        Assert.False(empty.Checked);
        Assert.Same(Samples.Details, empty.Details);
        Assert.True(withLines.Checked);
        Assert.Equal(Samples.Details with { DiscountCodes = [], ShippingMethod = null }, withLines.Details);
        Assert.Same(CheckoutDetails.None, plain.Details);
        Assert.Empty(plain.Adjustments);
    }
}
