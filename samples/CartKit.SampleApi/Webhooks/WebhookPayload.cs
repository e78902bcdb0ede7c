namespace CartKit.SampleApi.Webhooks;

// The JSON body of a webhook: the event with amounts in minor units, as the sample's API shows them.
internal sealed record WebhookPayload(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string? OrderId,
    string CartId,
    long CartVersion,
    int Sequence,
    string Currency,
    long Subtotal,
    long Total,
    string? Email,
    string? PaymentReference,
    IReadOnlyList<WebhookLine> Lines);

internal sealed record WebhookLine(string Sku, string Name, int Quantity, long UnitPrice, long LineTotal);
