namespace CartKit.Storage;

/// <summary>
/// The outbox of an <see cref="IOrderRepository"/>: an order store that implements it records an event in the same
/// atomic write as each status change (<see cref="OrderEventRules"/> says which), keeps it with the order, and hands
/// it to the event relay through these calls. Several relays may run against one store: a claim is a conditional
/// write with a lease, so each order's events are delivered by one relay at a time, and a dead relay's claim lapses.
/// <c>OrderEventOutboxContractTests</c> in CartKit.Testing checks every rule.
/// </summary>
public interface IOrderEventOutbox
{
    /// <summary>
    /// Claims up to <paramref name="maxOrders"/> orders that have undelivered events due at <paramref name="now"/> and
    /// no claim lasting past it, oldest due first, each with a new lease token valid until <paramref name="leaseUntil"/>.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When the claims lapse.</param>
    /// <param name="maxOrders">The most orders to claim.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The claimed orders; empty when nothing is due.</returns>
    ValueTask<IReadOnlyList<PendingOrderEvents>> ClaimDueAsync(
        DateTimeOffset now,
        DateTimeOffset leaseUntil,
        int maxOrders,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Records what the relay did and ends the claim, if <see cref="OrderEventProgress.LeaseToken"/> still holds it.
    /// When every event of the order, including any recorded during the claim, is done, the order leaves the outbox;
    /// otherwise it is due again at <see cref="OrderEventProgress.DueAt"/>.
    /// </summary>
    /// <param name="progress">The progress.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns><see langword="false"/> when the claim was lost (another relay took the order over); nothing is written then.</returns>
    ValueTask<bool> ReleaseAsync(OrderEventProgress progress, CancellationToken cancellationToken = default);

    /// <summary>Gets the events waiting for delivery (for the pending and oldest-age metrics).</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The backlog.</returns>
    ValueTask<OrderEventBacklog> GetBacklogAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets every event an order recorded, oldest first, with whether each was dead-lettered.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The events; empty for an unknown order.</returns>
    ValueTask<IReadOnlyList<RecordedOrderEvent>> ListEventsAsync(string orderId, CancellationToken cancellationToken = default);
}
