namespace CartKit.AspNetCore.Contracts;

/// <summary>
/// A line whose price changed, or whose product is no longer available, in a <c>price-changed</c> problem's
/// <c>priceChanges</c> list.
/// </summary>
/// <param name="ItemId">The line's item id.</param>
/// <param name="Sku">The product sku.</param>
/// <param name="PreviousUnitPrice">The unit price the cart held, in minor units.</param>
/// <param name="UnitPrice">The catalog's unit price now (the re-priced cart holds it); <c>null</c> when the product is no longer available and the line was removed.</param>
/// <param name="Available">Whether the product can still be bought.</param>
public sealed record PriceChangeResponse(string ItemId, string Sku, long PreviousUnitPrice, long? UnitPrice, bool Available);
