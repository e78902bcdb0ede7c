namespace CartKit.Domain;

/// <summary>The stored lifecycle state of a cart.</summary>
/// <remarks>
/// "Abandoned" is not stored: an <see cref="Active"/> cart is abandoned when its session expired, which
/// <see cref="Cart.IsAbandonedAt"/> derives from the last activity and the session TTL. Nothing is deleted.
/// </remarks>
public enum CartStatus
{
    /// <summary>Open: lines can be added, changed and checked out.</summary>
    Active = 0,

    /// <summary>An order for the cart was paid; the cart is closed and read-only.</summary>
    Completed = 1,

    /// <summary>
    /// A guest cart whose lines were merged into its user's cart at sign-in; <see cref="Cart.MergedIntoCartId"/>
    /// names that cart, and requests through the old session follow it there.
    /// </summary>
    Merged = 2,
}
