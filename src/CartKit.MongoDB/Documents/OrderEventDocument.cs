using CartKit.Events;

namespace CartKit.MongoDB.Documents;

// One event in an order's `events` array, pushed by the same update that changes the order's status.
internal sealed class OrderEventDocument
{
    public CartKitEventType Type { get; set; }

    public DateTime At { get; set; }

    public bool Dead { get; set; }
}
