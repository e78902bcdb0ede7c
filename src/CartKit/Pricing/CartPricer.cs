using CartKit.Domain;

namespace CartKit.Pricing;

// Runs the registered adjustments in order. With none registered (the default) it allocates nothing.
internal sealed class CartPricer(IEnumerable<ICartAdjustment> adjustments)
{
    private readonly ICartAdjustment[] _adjustments = [.. adjustments];

    public async ValueTask<IReadOnlyList<AdjustmentLine>> PriceAsync(
        Currency currency,
        IReadOnlyList<LineItem> lines,
        CancellationToken cancellationToken)
    {
        if (_adjustments.Length == 0 || lines.Count == 0)
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
