namespace CartKit.MongoDB.Documents;

// A sku's stock as stored in MongoDB; _id is the sku. Holds names every reservation (cart id and version) that took
// units of it and has not been released or committed: taking and giving back are one conditional update each, keyed on
// that list, so a retried call never moves the units twice.
internal sealed class StockDocument
{
    public string Sku { get; set; } = string.Empty;

    public long Available { get; set; }

    public List<string> Holds { get; set; } = [];
}
