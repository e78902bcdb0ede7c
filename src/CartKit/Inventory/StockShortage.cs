namespace CartKit.Inventory;

/// <summary>A sku a checkout asked more units of than are available.</summary>
/// <param name="Sku">The sku.</param>
/// <param name="Requested">The units the order needs.</param>
/// <param name="Available">The units available when the checkout tried.</param>
public sealed record StockShortage(string Sku, long Requested, long Available);
