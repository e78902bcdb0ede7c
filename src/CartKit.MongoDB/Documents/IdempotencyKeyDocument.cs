
namespace CartKit.MongoDB.Documents;

// A checkout idempotency key as stored in MongoDB (schema version 1); _id is the client's key.
internal sealed class IdempotencyKeyDocument
{
    public const int CurrentSchemaVersion = 1;

    public string Key { get; set; } = string.Empty;

    public int SchemaVersion { get; set; }

    public string CartId { get; set; } = string.Empty;

    public string ClaimToken { get; set; } = string.Empty;

    public string? OrderId { get; set; }

    public DateTime LeaseExpiresAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}
