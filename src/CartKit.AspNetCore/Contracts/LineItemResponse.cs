namespace CartKit.AspNetCore.Contracts;

/// <summary>A line of a cart or an order.</summary>
/// <param name="ItemId">The line's stable id, used by the item routes.</param>
/// <param name="Sku">The product sku.</param>
/// <param name="Name">The product name.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Price of one unit, in minor units.</param>
/// <param name="LineTotal">Unit price times quantity, in minor units.</param>
public sealed record LineItemResponse(string ItemId, string Sku, string Name, int Quantity, long UnitPrice, long LineTotal);
