using CartKit.Pricing;

namespace CartKit.SampleApi.Pricing;

/// <summary>
/// VAT on what the shopper pays so far (goods after discounts, plus shipping), at the rate of the country shipped to:
/// 19% for DE, 20% for FR, rounded half away from zero; no line without a shipping address or for other countries.
/// Catalog prices are net.
/// </summary>
public sealed class VatByCountry : ICartAdjustment
{
    /// <inheritdoc />
    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ShippingAddress?.Country is { } country && SamplePricing.VatPercentByCountry.TryGetValue(country, out var percent))
        {
            context.Add($"VAT {country} {percent}%", SamplePricing.PercentOf(context.RunningTotal.Amount, percent));
        }

        return ValueTask.CompletedTask;
    }
}
