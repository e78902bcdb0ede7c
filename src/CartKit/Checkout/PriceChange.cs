using CartKit.Domain;

namespace CartKit.Checkout;

/// <summary>A cart line whose catalog price changed, or whose product is no longer available, found at checkout.</summary>
/// <param name="ItemId">The line's item id.</param>
/// <param name="Sku">The product sku.</param>
/// <param name="PreviousUnitPrice">The unit price the cart held.</param>
/// <param name="UnitPrice">
/// The catalog's unit price now, which the re-priced cart holds; <see langword="null"/> when the product is no longer
/// available and the line was removed from the cart.
/// </param>
public sealed record PriceChange(string ItemId, string Sku, Money PreviousUnitPrice, Money? UnitPrice);
