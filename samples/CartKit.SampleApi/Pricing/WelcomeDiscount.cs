using CartKit.Pricing;

namespace CartKit.SampleApi.Pricing;

/// <summary><c>WELCOME10</c>: 10% off the subtotal, rounded half away from zero, for any cart with lines.</summary>
public sealed class WelcomeDiscount : ICartAdjustment
{
    /// <inheritdoc />
    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.DiscountCodes.Contains(SamplePricing.WelcomeCode, StringComparer.Ordinal))
        {
            context.AcceptDiscountCode(SamplePricing.WelcomeCode);
            context.Add($"{SamplePricing.WelcomeCode}: {SamplePricing.WelcomePercent}% off", -SamplePricing.PercentOf(context.Subtotal.Amount, SamplePricing.WelcomePercent));
        }

        return ValueTask.CompletedTask;
    }
}
