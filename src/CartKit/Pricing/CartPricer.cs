using CartKit.Domain;

namespace CartKit.Pricing;

// Runs the registered adjustments in order. With none registered (the default) it allocates nothing.
internal sealed class CartPricer(IEnumerable<ICartAdjustment> adjustments)
{
    private readonly ICartAdjustment[] _adjustments = [.. adjustments];

    // Whether pricing these lines runs host code; when it does not, WithoutAdjustments is the answer.
    public bool RunsAdjustments(IReadOnlyList<LineItem> lines) => _adjustments.Length > 0 && lines.Count > 0;

    // The pricing that needs no host code: an empty cart gets no adjustments and keeps its details unchecked; lines with
    // no adjustments registered get none, and nothing accepts a discount code or a shipping method.
    public static CartPricing WithoutAdjustments(IReadOnlyList<LineItem> lines, CheckoutDetails details) =>
        lines.Count == 0 || details is { DiscountCodes.Count: 0, ShippingMethod: null }
            ? new([], details, Checked: lines.Count > 0)
            : new([], details with { DiscountCodes = [], ShippingMethod = null }, Checked: true);

    public async ValueTask<CartPricing> PriceAsync(
        Currency currency,
        IReadOnlyList<LineItem> lines,
        CheckoutDetails details,
        string? userId,
        CancellationToken cancellationToken)
    {
        if (!RunsAdjustments(lines))
        {
            return WithoutAdjustments(lines, details);
        }

        var context = new CartPricingContext(currency, lines, details, userId);
        foreach (var adjustment in _adjustments)
        {
            await adjustment.ApplyAsync(context, cancellationToken).ConfigureAwait(false);
        }

        return new(context.ToArray(), context.AcceptedDetails(), Checked: true);
    }
}
