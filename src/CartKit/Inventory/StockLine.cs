namespace CartKit.Inventory;

/// <summary>Units of one sku in a reservation.</summary>
/// <param name="Sku">The sku.</param>
/// <param name="Quantity">The units; one or more.</param>
public sealed record StockLine(string Sku, long Quantity);
