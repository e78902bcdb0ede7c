namespace CartKit.MongoDB.Documents;

// A stock reservation as stored in MongoDB (schema version 1); _id is "<cartId>:<cartVersion>". The per-sku truth is in
// the stock documents' holds; this one records what to give back, until when, and where the reservation stands.
internal sealed class StockReservationDocument
{
    public const int CurrentSchemaVersion = 1;
    public const string Held = "held";
    public const string Released = "released";
    public const string Committed = "committed";

    public string Id { get; set; } = string.Empty;

    public int SchemaVersion { get; set; }

    public string CartId { get; set; } = string.Empty;

    public long CartVersion { get; set; }

    public List<StockLineDocument> Lines { get; set; } = [];

    public DateTime ExpiresAt { get; set; }

    public string State { get; set; } = Held;

    public static string IdOf(string cartId, long cartVersion) =>
        string.Concat(cartId, ":", cartVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
