namespace CartKit.Domain;

// Cart and order totals are derived, never stored, so they can never disagree with their lines.
internal static class Totals
{
    public static int ItemCount(IReadOnlyList<LineItem> lines)
    {
        var count = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            count = checked(count + lines[i].Quantity);
        }

        return count;
    }

    public static Money Subtotal(IReadOnlyList<LineItem> lines, Currency currency)
    {
        var amount = 0L;
        for (var i = 0; i < lines.Count; i++)
        {
            amount = checked(amount + lines[i].LineTotal.Amount);
        }

        return new Money(amount, currency);
    }

    public static Money Total(IReadOnlyList<LineItem> lines, IReadOnlyList<AdjustmentLine> adjustments, Currency currency)
    {
        var amount = Subtotal(lines, currency).Amount;
        for (var i = 0; i < adjustments.Count; i++)
        {
            amount = checked(amount + adjustments[i].Amount.Amount);
        }

        return new Money(amount, currency);
    }
}
