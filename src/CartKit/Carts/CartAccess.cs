using CartKit.Domain;

namespace CartKit.Carts;

// What a caller may do with the cart their session points at.
internal enum CartAccess
{
    Granted,
    NotFound,

    // The cart was merged into a user cart (follow it), its paid order left lines for a remainder cart (follow it), or a
    // signed-in caller reached a guest cart (attach first).
    Redirect,
}

internal static class CartAccessRules
{
    public static CartAccess Classify(Cart? cart, string? userId)
    {
        if (cart is null)
        {
            return CartAccess.NotFound;
        }

        if (cart.Status == CartStatus.Merged)
        {
            return CartAccess.Redirect;
        }

        // Checked after the owner: only the cart's owner follows it to the lines its paid order did not hold.
        if (cart.RemainderCartId is not null && IsOwner(cart, userId))
        {
            return CartAccess.Redirect;
        }

        if (cart.Owner.UserId is { } owner)
        {
            // A user's cart is not visible through any other identity, guests included.
            return string.Equals(owner, userId, StringComparison.Ordinal) ? CartAccess.Granted : CartAccess.NotFound;
        }

        return userId is not null && cart.Status == CartStatus.Active ? CartAccess.Redirect : CartAccess.Granted;
    }

    private static bool IsOwner(Cart cart, string? userId) =>
        cart.Owner.UserId is not { } owner || string.Equals(owner, userId, StringComparison.Ordinal);
}
