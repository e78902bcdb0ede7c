namespace CartKit.AspNetCore.Contracts;

/// <summary>A sku short of stock, in an <c>insufficient-stock</c> problem's <c>stockShortages</c> list.</summary>
/// <param name="Sku">The product sku.</param>
/// <param name="Requested">The units the cart needs.</param>
/// <param name="Available">The units available when the checkout tried.</param>
public sealed record StockShortageResponse(string Sku, long Requested, long Available);
