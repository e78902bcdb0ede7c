
namespace CartKit.MongoDB.Documents;

// A named adjustment of a cart or order, nested in its parent. The amount is in minor units of the parent's currency.
internal sealed class AdjustmentDocument
{
    public string Name { get; set; } = string.Empty;

    public long Amount { get; set; }
}
