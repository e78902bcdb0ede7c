namespace CartKit.Domain;

/// <summary>A line of a cart or an order: one product, its price at the time, and a quantity.</summary>
/// <param name="ItemId">Stable, opaque id of the line within its cart; it survives quantity changes.</param>
/// <param name="Sku">The product's stock-keeping unit, as the catalog knows it.</param>
/// <param name="Name">The product name the catalog gave when the line was priced.</param>
/// <param name="UnitPrice">The unit price the catalog gave when the line was priced.</param>
/// <param name="Quantity">How many units; at least 1.</param>
public sealed record LineItem(string ItemId, string Sku, string Name, Money UnitPrice, int Quantity)
{
    /// <summary>Gets <see cref="UnitPrice"/> times <see cref="Quantity"/>.</summary>
    public Money LineTotal => UnitPrice * Quantity;
}
