namespace CartKit.SampleApi.Pricing;

/// <summary>Registers the sample's pricing rules.</summary>
public static class SamplePricingRegistration
{
    /// <summary>Adds <see cref="WelcomeDiscount"/>, <see cref="ShippingRates"/> and <see cref="VatByCountry"/>, in that order: VAT is charged on the discounted goods and the shipping.</summary>
    /// <param name="builder">The CartKit builder.</param>
    /// <returns>The builder.</returns>
    public static ICartKitBuilder AddSamplePricing(this ICartKitBuilder builder) => builder
        .AddCartAdjustment<WelcomeDiscount>()
        .AddCartAdjustment<ShippingRates>()
        .AddCartAdjustment<VatByCountry>();
}
