using CartKit.Domain;

namespace CartKit.SampleApi.Pricing;

/// <summary>
/// The sample's pricing rules, registered in this order by <see cref="SamplePricingRegistration.AddSamplePricing"/>:
/// the <c>WELCOME10</c> discount, shipping, then VAT. Every amount is computed in the cart currency's minor unit with
/// integer arithmetic, and every percentage is rounded once per adjustment line, half away from zero
/// (<see cref="PercentOf"/>). The demo catalog sells in US dollars, so the fixed amounts are dollars.
/// </summary>
public static class SamplePricing
{
    /// <summary>The discount code <see cref="WelcomeDiscount"/> accepts.</summary>
    public const string WelcomeCode = "WELCOME10";

    /// <summary>The percentage <see cref="WelcomeCode"/> takes off the subtotal.</summary>
    public const int WelcomePercent = 10;

    /// <summary>The shipping method with a flat rate, free from <see cref="FreeStandardShippingFrom"/>.</summary>
    public const string Standard = "standard";

    /// <summary>The faster shipping method, never free.</summary>
    public const string Express = "express";

    /// <summary>The flat rate of <see cref="Standard"/> shipping, in major units: 4.90.</summary>
    public const decimal StandardRate = 4.90m;

    /// <summary>The flat rate of <see cref="Express"/> shipping, in major units: 9.90.</summary>
    public const decimal ExpressRate = 9.90m;

    /// <summary>The subtotal after discounts (in major units) from which standard shipping is free: 50.00.</summary>
    public const decimal FreeStandardShippingFrom = 50.00m;

    /// <summary>Gets the VAT rates, in percent, by the ISO 3166-1 code of the country shipped to; no line elsewhere.</summary>
    public static IReadOnlyDictionary<string, int> VatPercentByCountry { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["DE"] = 19,
        ["FR"] = 20,
    };

    /// <summary>
    /// <paramref name="percent"/> percent of <paramref name="amount"/> minor units, rounded to a whole minor unit half
    /// away from zero: 10% of 325 is 32.5, so 33; 19% of 150 is 28.5, so 29; 10% of -325 is -33.
    /// </summary>
    /// <param name="amount">The amount, in minor units.</param>
    /// <param name="percent">The percentage.</param>
    /// <returns>The share, in minor units.</returns>
    public static long PercentOf(long amount, int percent)
    {
        var hundredths = checked(amount * percent);
        var (quotient, remainder) = Math.DivRem(hundredths, 100);
        return Math.Abs(remainder) >= 50 ? quotient + Math.Sign(hundredths) : quotient;
    }

    /// <summary>An amount in major units as minor units of <paramref name="currency"/> (exact, or it throws).</summary>
    /// <param name="majorUnits">The amount in major units.</param>
    /// <param name="currency">The cart's currency.</param>
    /// <returns>The amount in minor units.</returns>
    public static long Minor(decimal majorUnits, Currency currency) => Money.FromMajorUnits(majorUnits, currency).Amount;
}
