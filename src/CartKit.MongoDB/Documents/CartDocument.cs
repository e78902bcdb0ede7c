using CartKit.Domain;

namespace CartKit.MongoDB.Documents;

// A cart as stored in MongoDB (schema versions 1 and 2). The shape is set by MongoClassMaps and documented in
// docs/mongodb.md; change either only together with the other and a new schema version.
internal sealed class CartDocument
{
    // Version 2 adds `details`. Carts are replaced whole, so a CartKit that reads only version 1 would drop the details
    // on its next write: a cart with details is written as version 2, which such a reader refuses, and a cart without
    // them as version 1, which every version reads, so a mixed deployment fails only for carts with details.
    public const int CurrentSchemaVersion = 2;
    public const int SchemaVersionWithoutDetails = 1;

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
    public CheckoutDetailsDocument? Details { get; set; }
}
