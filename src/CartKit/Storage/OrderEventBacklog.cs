namespace CartKit.Storage;

/// <summary>How many events wait for delivery, and since when.</summary>
/// <param name="PendingEvents">Events recorded and neither delivered nor dead-lettered.</param>
/// <param name="OldestPendingAt">When the oldest of them happened; <see langword="null"/> when none wait.</param>
public readonly record struct OrderEventBacklog(long PendingEvents, DateTimeOffset? OldestPendingAt);
