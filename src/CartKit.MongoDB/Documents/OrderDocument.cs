using CartKit.Domain;

namespace CartKit.MongoDB.Documents;

// An order as stored in MongoDB (schema version 1). The shape is set by MongoClassMaps and documented in
// docs/mongodb.md; change either only together with the other and a new schema version. `details` came without a new
// version: orders are never replaced whole (only their status and payment fields are set), so a CartKit that does not
// know the field leaves it in place.
internal sealed class OrderDocument
{
    public const int CurrentSchemaVersion = 1;

    public string Id { get; set; } = string.Empty;

    public int SchemaVersion { get; set; }

    public string CartId { get; set; } = string.Empty;

    public long CartVersion { get; set; }

    public OrderStatus Status { get; set; }

    public string SessionId { get; set; } = string.Empty;

    public string? UserId { get; set; }

    public string Currency { get; set; } = string.Empty;

    public List<LineDocument> Lines { get; set; } = [];

    public List<AdjustmentDocument> Adjustments { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    // Absent on orders stored before pending orders expired: they never expire.
    public DateTime? ExpiresAt { get; set; }

    public DateTime? PaidAt { get; set; }

    public string? PaymentReference { get; set; }

    public DateTime? ClosedAt { get; set; }
    public CheckoutDetailsDocument? Details { get; set; }

    // The outbox (absent on orders stored before events): every event the order recorded, how many are done, the
    // failures of the next one, when the rest are due (present only while some are not done: the partial index
    // orders_events_due holds just those orders) and the relay claim on them.
    public List<OrderEventDocument>? Events { get; set; }

    public int EventsHandled { get; set; }

    public int EventAttempts { get; set; }

    public DateTime? EventsDueAt { get; set; }

    public string? EventLease { get; set; }

    public DateTime? EventLeaseUntil { get; set; }
}
