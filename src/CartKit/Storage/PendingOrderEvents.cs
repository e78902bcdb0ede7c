using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>An order whose events are not all delivered, claimed by one relay until <see cref="LeaseUntil"/>.</summary>
public sealed record PendingOrderEvents
{
    /// <summary>Gets the order as stored when it was claimed.</summary>
    public required Order Order { get; init; }

    /// <summary>Gets every event the order recorded, oldest first (delivered ones included).</summary>
    public required IReadOnlyList<RecordedOrderEvent> Events { get; init; }

    /// <summary>Gets how many events, from the first, are done (delivered or dead-lettered).</summary>
    public int Handled { get; init; }

    /// <summary>Gets how many times the next event (at index <see cref="Handled"/>) has failed.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the token of this claim; only it can release the order (<see cref="IOrderEventOutbox.ReleaseAsync"/>).</summary>
    public required string LeaseToken { get; init; }

    /// <summary>Gets when the claim lapses and another relay may claim the order.</summary>
    public DateTimeOffset LeaseUntil { get; init; }
}
