using System.Globalization;
using CartKit.Domain;
using CartKit.Internal;

namespace CartKit.Carts;

// Sign-in merge of a guest cart's lines into the user's cart: the configured strategy decides the quantity of a sku both
// carts hold, lines only the guest has are appended while there is room, and everything stays within the limits. What
// the limits (or a different currency) leave out is not silent: it becomes warnings on the merged cart, which is stored,
// so the shopper sees them in the response of whichever request met the sign-in, until their next edit clears them. The
// guest cart is kept (status Merged) with every line, so nothing is deleted either way. Pure: the writer may run it
// again on a fresher cart.
internal static class CartMerge
{
    // strategy: the configured one unless given (the rest of a paid cart joins its user's cart summed).
    public static Cart Merge(Cart target, Cart guest, CartKitOptions options, CartMergeStrategy? strategy = null)
    {
        var warnings = new List<CartWarning>();
        var currency = target.Lines.Count == 0 ? guest.Currency : target.Currency;
        if (!ReferenceEquals(currency, guest.Currency))
        {
            foreach (var line in guest.Lines)
            {
                warnings.Add(Dropped(line, $"it is priced in {guest.Currency.Code} and this cart in {currency.Code}"));
            }

            return Report(target, warnings, options);
        }

        var lines = new List<LineItem>(target.Lines);
        foreach (var line in guest.Lines)
        {
            var index = lines.FindIndex(l => string.Equals(l.Sku, line.Sku, StringComparison.Ordinal));
            if (index >= 0)
            {
                var existing = lines[index];
                var requested = (strategy ?? options.MergeStrategy) switch
                {
                    CartMergeStrategy.KeepUser => existing.Quantity,
                    CartMergeStrategy.KeepGuest => line.Quantity,
                    _ => (int)Math.Min((long)existing.Quantity + line.Quantity, int.MaxValue),
                };
                var kept = Cap(existing.ItemId, line.Sku, requested, options, warnings);
                if (kept != existing.Quantity)
                {
                    lines[index] = existing with { Quantity = kept };
                }
            }
            else if (lines.Count < options.MaxLinesPerCart)
            {
                var itemId = lines.Exists(l => string.Equals(l.ItemId, line.ItemId, StringComparison.Ordinal)) ? CartLines.NewItemId(lines) : line.ItemId;
                lines.Add(line with { ItemId = itemId, Quantity = Cap(itemId, line.Sku, line.Quantity, options, warnings) });
            }
            else
            {
                warnings.Add(Dropped(line, string.Create(CultureInfo.InvariantCulture, $"a cart holds at most {options.MaxLinesPerCart} lines")));
            }
        }

        return Report(target with { Currency = currency, Lines = Frozen.Own(lines.ToArray()) }, warnings, options);
    }

    private static int Cap(string itemId, string sku, int requested, CartKitOptions options, List<CartWarning> warnings)
    {
        if (requested <= options.MaxQuantityPerLine)
        {
            return requested;
        }

        var kept = options.MaxQuantityPerLine;
        warnings.Add(new CartWarning(
            CartWarningCode.MergeQuantityCapped,
            sku,
            itemId,
            requested,
            kept,
            string.Create(CultureInfo.InvariantCulture, $"{kept} of the {requested} units of {sku} were kept: a line holds at most {kept} units.")));
        return kept;
    }

    private static CartWarning Dropped(LineItem line, string reason) => new(
        CartWarningCode.MergeLineDropped,
        line.Sku,
        null,
        line.Quantity,
        0,
        string.Create(CultureInfo.InvariantCulture, $"{line.Sku} ({line.Quantity} {(line.Quantity == 1 ? "unit" : "units")}) from the cart you shopped as a guest was not added: {reason}."));

    // A merge adds its report to the warnings the cart still has (another merge that nobody has seen yet), keeping the
    // most recent ones up to the line limit, so a cart's report stays bounded however many guest carts are merged
    // into it between two edits.
    private static Cart Report(Cart merged, List<CartWarning> warnings, CartKitOptions options)
    {
        if (warnings.Count == 0)
        {
            return merged;
        }

        var all = merged.Warnings.Concat(warnings).ToArray();
        var keep = Math.Min(all.Length, options.MaxLinesPerCart);
        return merged with { Warnings = Frozen.Own(all[^keep..]) };
    }
}
