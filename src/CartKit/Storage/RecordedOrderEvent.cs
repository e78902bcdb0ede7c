using CartKit.Events;

namespace CartKit.Storage;

/// <summary>One event as an order store keeps it, next to the order it describes.</summary>
/// <param name="Type">What happened.</param>
/// <param name="OccurredAt">When: the time of the status change that recorded it.</param>
/// <param name="DeadLettered"><see langword="true"/> once the relay gave up delivering it.</param>
public sealed record RecordedOrderEvent(CartKitEventType Type, DateTimeOffset OccurredAt, bool DeadLettered = false);
