using CartKit.Domain;

namespace CartKit.MongoDB.Documents;

// A cart as stored in MongoDB (schema version 1). The shape is set by MongoClassMaps and documented in
// docs/mongodb.md; change either only together with the other and a new schema version.
internal sealed class CartDocument
{
    public const int CurrentSchemaVersion = 1;

    public string Id { get; set; } = string.Empty;

    public int SchemaVersion { get; set; }

    public long Version { get; set; }

    public CartStatus Status { get; set; }

    public string SessionId { get; set; } = string.Empty;

    public string? UserId { get; set; }

    public string Currency { get; set; } = string.Empty;

    public List<LineDocument> Lines { get; set; } = [];

    public List<AdjustmentDocument> Adjustments { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    public string? MergedIntoCartId { get; set; }

    public List<string> MergedCartIds { get; set; } = [];

    public string? CompletedByOrderId { get; set; }

    public string? RemainderCartId { get; set; }
    // Optional within schema version 1: absent when the cart has no warnings. A reader that predates it ignores it,
    // and its next replace drops them, which only ends a notice early.
    public List<WarningDocument>? Warnings { get; set; }
}
