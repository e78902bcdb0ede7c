namespace CartKit.Storage;

/// <summary>What a relay did with a claimed order's events, written back by <see cref="IOrderEventOutbox.ReleaseAsync"/>.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="LeaseToken">The token of the claim (<see cref="PendingOrderEvents.LeaseToken"/>).</param>
/// <param name="Handled">How many events, from the first, are now done (delivered or dead-lettered).</param>
/// <param name="Attempts">How many times the next event has failed (0 when it was not tried).</param>
/// <param name="DueAt">When the order's remaining events may be claimed again (a retry's backoff, or now).</param>
/// <param name="DeadLettered">The indexes (0-based) of events given up during this claim.</param>
public sealed record OrderEventProgress(
    string OrderId,
    string LeaseToken,
    int Handled,
    int Attempts,
    DateTimeOffset DueAt,
    IReadOnlyList<int> DeadLettered);
