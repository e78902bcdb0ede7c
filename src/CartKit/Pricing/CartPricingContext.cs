using CartKit.Domain;

namespace CartKit.Pricing;

/// <summary>What an <see cref="ICartAdjustment"/> sees and adds to: the lines, the subtotal and the running total.</summary>
public sealed class CartPricingContext
{
    private readonly List<AdjustmentLine> _adjustments = [];

    /// <summary>Creates a context for pricing <paramref name="lines"/>; hosts use it to unit-test their adjustments.</summary>
    /// <param name="currency">The currency of the lines.</param>
    /// <param name="lines">The lines to price.</param>
    public CartPricingContext(Currency currency, IReadOnlyList<LineItem> lines)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        Currency = currency;
        Lines = lines;
        Subtotal = Totals.Subtotal(lines, currency);
        RunningTotal = Subtotal;
    }

    /// <summary>Gets the currency every amount must be in.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the lines being priced.</summary>
    public IReadOnlyList<LineItem> Lines { get; }

    /// <summary>Gets the sum of the line totals.</summary>
    public Money Subtotal { get; }

    /// <summary>Gets the subtotal plus every adjustment added so far.</summary>
    public Money RunningTotal { get; private set; }

    /// <summary>Gets the adjustments added so far, in order.</summary>
    public IReadOnlyList<AdjustmentLine> Adjustments => _adjustments;

    /// <summary>Adds an adjustment line.</summary>
    /// <param name="name">What the adjustment is, as shown to the shopper.</param>
    /// <param name="amount">The signed amount in <see cref="Currency"/>'s minor unit (negative for a discount).</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="InvalidOperationException">The adjustment would make the total negative.</exception>
    public void Add(string name, long amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var total = RunningTotal + new Money(amount, Currency);
        if (total.Amount < 0)
        {
            throw new InvalidOperationException(
                $"Adjustment '{name}' of {new Money(amount, Currency)} would make the total negative.");
        }

        _adjustments.Add(new AdjustmentLine(name, new Money(amount, Currency)));
        RunningTotal = total;
    }

    internal AdjustmentLine[] ToArray() => [.. _adjustments];
}
