namespace CartKit.Events;

/// <summary>
/// Receives CartKit's events, registered with <c>AddCartKit().AddEventSubscriber&lt;THandler&gt;()</c> (a singleton).
/// The event relay calls every subscriber for each event, in order per order, at least once: after a failure (an
/// exception from any handler) the event is offered again to every subscriber, with exponential backoff, until
/// <see cref="EventRelayOptions.MaxAttempts"/>; then it is dead-lettered and the order's next event follows.
/// </summary>
/// <remarks>
/// Deduplicate on <see cref="CartKitEvent.Id"/>. A handler that takes longer than <see cref="EventRelayOptions.Lease"/>
/// may see the event delivered a second time by another instance.
/// </remarks>
public interface ICartKitEventSubscriber
{
    /// <summary>Handles one event; throw to have it retried.</summary>
    /// <param name="cartKitEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    ValueTask HandleAsync(CartKitEvent cartKitEvent, CancellationToken cancellationToken = default);
}
