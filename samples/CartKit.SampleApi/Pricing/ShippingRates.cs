using CartKit.Pricing;

namespace CartKit.SampleApi.Pricing;

/// <summary>
/// Shipping: <c>standard</c> at a flat 4.90, free once the subtotal after discounts reaches 50.00 (shown as a line of
/// 0.00, so the shopper sees it); <c>express</c> at a flat 9.90. Any other method is unknown, so it is refused. No
/// method chosen, no line.
/// </summary>
public sealed class ShippingRates : ICartAdjustment
{
    /// <inheritdoc />
    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.ShippingMethod)
        {
            case SamplePricing.Standard:
                context.AcceptShippingMethod();
                var free = context.RunningTotal.Amount >= SamplePricing.Minor(SamplePricing.FreeStandardShippingFrom, context.Currency);
                context.Add(
                    free ? "Standard shipping (free from 50.00)" : "Standard shipping",
                    free ? 0 : SamplePricing.Minor(SamplePricing.StandardRate, context.Currency));
                break;
            case SamplePricing.Express:
                context.AcceptShippingMethod();
                context.Add("Express shipping", SamplePricing.Minor(SamplePricing.ExpressRate, context.Currency));
                break;
        }

        return ValueTask.CompletedTask;
    }
}
