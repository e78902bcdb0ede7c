namespace CartKit.MongoDB.Documents;

// Units of one sku in a stored stock reservation.
internal sealed class StockLineDocument
{
    public string Sku { get; set; } = string.Empty;

    public long Quantity { get; set; }
}
