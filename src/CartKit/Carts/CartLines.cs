using CartKit.Catalog;
using CartKit.Domain;
using CartKit.Internal;

namespace CartKit.Carts;

// Pure edits of a cart's lines under the configured limits. Each returns a draft (lines and currency changed, nothing
// else), the same instance when nothing changes, or the refusal. Versioning and pricing happen in CartWriter.
internal static class CartLines
{
    public static CartKitResult<Cart> Add(Cart cart, CatalogProduct product, int quantity, CartKitOptions limits)
    {
        var currency = cart.Currency;
        if (!ReferenceEquals(product.UnitPrice.Currency, currency))
        {
            if (cart.Lines.Count > 0)
            {
                return CartErrors.CurrencyMismatch(product.Sku, product.UnitPrice.Currency.Code, currency.Code);
            }

            // An empty cart takes the currency of its first product.
            currency = product.UnitPrice.Currency;
        }

        var lines = cart.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!string.Equals(lines[i].Sku, product.Sku, StringComparison.Ordinal))
            {
                continue;
            }

            var total = (long)lines[i].Quantity + quantity;
            if (total > limits.MaxQuantityPerLine)
            {
                return CartErrors.QuantityLimitExceeded(limits.MaxQuantityPerLine);
            }

            // Same sku: one line, repriced from the catalog now, keeping its item id.
            var merged = lines[i] with { Name = product.Name, UnitPrice = product.UnitPrice, Quantity = (int)total };
            return cart with { Lines = Replace(lines, i, merged) };
        }

        if (quantity > limits.MaxQuantityPerLine)
        {
            return CartErrors.QuantityLimitExceeded(limits.MaxQuantityPerLine);
        }

        if (lines.Count >= limits.MaxLinesPerCart)
        {
            return CartErrors.LineLimitExceeded(limits.MaxLinesPerCart);
        }

        var line = new LineItem(NewItemId(lines), product.Sku, product.Name, product.UnitPrice, quantity);
        return cart with { Currency = currency, Lines = Append(lines, line) };
    }

    public static CartKitResult<Cart> SetQuantity(Cart cart, string itemId, int quantity, CartKitOptions limits)
    {
        var index = IndexOf(cart.Lines, itemId);
        if (index < 0)
        {
            return CartErrors.ItemNotFound;
        }

        if (quantity == 0)
        {
            return cart with { Lines = RemoveAt(cart.Lines, index) };
        }

        if (quantity > limits.MaxQuantityPerLine)
        {
            return CartErrors.QuantityLimitExceeded(limits.MaxQuantityPerLine);
        }

        return cart.Lines[index].Quantity == quantity
            ? cart
            : cart with { Lines = Replace(cart.Lines, index, cart.Lines[index] with { Quantity = quantity }) };
    }

    public static CartKitResult<Cart> Remove(Cart cart, string itemId)
    {
        var index = IndexOf(cart.Lines, itemId);
        return index < 0 ? CartErrors.ItemNotFound : cart with { Lines = RemoveAt(cart.Lines, index) };
    }

    public static Cart Clear(Cart cart) => cart.Lines.Count == 0 ? cart : cart with { Lines = Frozen.Empty<LineItem>() };

    private static int IndexOf(IReadOnlyList<LineItem> lines, string itemId)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.Equals(lines[i].ItemId, itemId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public static string NewItemId(IReadOnlyList<LineItem> lines)
    {
        string id;
        do
        {
            id = CartKitIds.NewItemId();
        }
        while (IndexOf(lines, id) >= 0);

        return id;
    }

    // The edits build a new array and hand it to the snapshot, which keeps it as its immutable list without a copy.
    private static IReadOnlyList<LineItem> Replace(IReadOnlyList<LineItem> lines, int index, LineItem line)
    {
        var copy = lines.ToArray();
        copy[index] = line;
        return Frozen.Own(copy);
    }

    private static IReadOnlyList<LineItem> Append(IReadOnlyList<LineItem> lines, LineItem line)
    {
        var copy = new LineItem[lines.Count + 1];
        for (var i = 0; i < lines.Count; i++)
        {
            copy[i] = lines[i];
        }

        copy[^1] = line;
        return Frozen.Own(copy);
    }

    private static IReadOnlyList<LineItem> RemoveAt(IReadOnlyList<LineItem> lines, int index)
    {
        var copy = new LineItem[lines.Count - 1];
        for (int i = 0, j = 0; i < lines.Count; i++)
        {
            if (i != index)
            {
                copy[j++] = lines[i];
            }
        }

        return Frozen.Own(copy);
    }
}
