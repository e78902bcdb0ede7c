
namespace CartKit.MongoDB.Documents;

// A cart or order line, nested in its parent. The unit price is in minor units of the parent's currency.
internal sealed class LineDocument
{
    public string ItemId { get; set; } = string.Empty;

    public string Sku { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public long UnitPrice { get; set; }

    public int Quantity { get; set; }
}
