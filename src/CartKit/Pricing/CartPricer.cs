using CartKit.Domain;

namespace CartKit.Pricing;

// Runs the registered adjustments in order. With none registered (the default) it allocates nothing.
internal sealed class CartPricer(IEnumerable<ICartAdjustment> adjustments)
{
    private readonly ICartAdjustment[] _adjustments = [.. adjustments];

    // Whether pricing these lines runs host code; when it does not, the answer is no adjustments.
    public bool RunsAdjustments(IReadOnlyList<LineItem> lines) => _adjustments.Length > 0 && lines.Count > 0;

    public async ValueTask<IReadOnlyList<AdjustmentLine>> PriceAsync(
        Currency currency,
        IReadOnlyList<LineItem> lines,
        CancellationToken cancellationToken)
    {
        if (!RunsAdjustments(lines))
        {
            return [];
        }

        var context = new CartPricingContext(currency, lines);
        foreach (var adjustment in _adjustments)
        {
            await adjustment.ApplyAsync(context, cancellationToken).ConfigureAwait(false);
        }

        return context.ToArray();
    }
}
