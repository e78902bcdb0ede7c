namespace CartKit.Carts;

/// <summary>
/// How a guest cart's lines are combined with a signed-in user's active cart when the user signs in through the guest
/// session (<see cref="CartKitOptions.MergeStrategy"/>). Lines whose sku only one cart has are always kept; the strategy
/// decides the quantity of a sku both carts hold. Whatever the limits then leave out is reported on the merged cart as
/// <see cref="Domain.Cart.Warnings"/>.
/// </summary>
public enum CartMergeStrategy
{
    /// <summary>The quantities of a sku in both carts are added up (capped at <see cref="CartKitOptions.MaxQuantityPerLine"/>).</summary>
    Sum = 0,

    /// <summary>For a sku in both carts the user's line stays as it is; the guest's units of it are not added.</summary>
    KeepUser = 1,

    /// <summary>For a sku in both carts the user's line takes the guest's quantity (it keeps its item id and position).</summary>
    KeepGuest = 2,
}
