using System.Globalization;
using CartKit.Events;

namespace CartKit.Storage.InMemory;

// The outbox half of the in-memory order store: each order's events, how many are done, and the claim on them, kept
// under the store's one lock, with the same rules as MongoDB's conditional updates.
internal sealed partial class InMemoryOrderRepository : IOrderEventOutbox
{
    private readonly Dictionary<string, Outbox> _outboxes = new(StringComparer.Ordinal);

    // The orders with undelivered events, so claims and the backlog cost the backlog's size, not every order's.
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private long _leaseCounter;

    public ValueTask<IReadOnlyList<PendingOrderEvents>> ClaimDueAsync(
        DateTimeOffset now,
        DateTimeOffset leaseUntil,
        int maxOrders,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOrders);
        lock (_gate)
        {
            var claimed = new List<PendingOrderEvents>();
            foreach (var (orderId, outbox) in _pending
                .Select(id => (Id: id, Outbox: _outboxes[id]))
                .Where(e => e.Outbox.DueAt is { } due && due <= now && !(e.Outbox.LeaseUntil > now))
                .OrderBy(e => e.Outbox.DueAt)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .Take(maxOrders)
                .ToList())
            {
                outbox.LeaseToken = (++_leaseCounter).ToString(CultureInfo.InvariantCulture);
                outbox.LeaseUntil = leaseUntil;
                claimed.Add(new PendingOrderEvents
                {
                    Order = _orders[orderId],
                    Events = [.. outbox.Events],
                    Handled = outbox.Handled,
                    Attempts = outbox.Attempts,
                    LeaseToken = outbox.LeaseToken,
                    LeaseUntil = leaseUntil,
                });
            }

            return ValueTask.FromResult<IReadOnlyList<PendingOrderEvents>>(claimed);
        }
    }

    public ValueTask<bool> ReleaseAsync(OrderEventProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            if (!_outboxes.TryGetValue(progress.OrderId, out var outbox)
                || !string.Equals(outbox.LeaseToken, progress.LeaseToken, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            foreach (var index in progress.DeadLettered)
            {
                outbox.Events[index] = outbox.Events[index] with { DeadLettered = true };
            }

            outbox.Handled = progress.Handled;
            outbox.Attempts = progress.Attempts;
            outbox.LeaseToken = null;
            outbox.LeaseUntil = null;
            outbox.DueAt = outbox.Handled >= outbox.Events.Count ? null : progress.DueAt;
            if (outbox.DueAt is null)
            {
                _pending.Remove(progress.OrderId);
            }

            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<OrderEventBacklog> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            long pending = 0;
            DateTimeOffset? oldest = null;
            foreach (var outbox in _pending.Select(id => _outboxes[id]))
            {
                if (outbox.Handled < outbox.Events.Count)
                {
                    pending += outbox.Events.Count - outbox.Handled;
                    var at = outbox.Events[outbox.Handled].OccurredAt;
                    oldest = oldest is null || at < oldest ? at : oldest;
                }
            }

            return ValueTask.FromResult(new OrderEventBacklog(pending, oldest));
        }
    }

    public ValueTask<IReadOnlyList<RecordedOrderEvent>> ListEventsAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<RecordedOrderEvent> events = _outboxes.TryGetValue(orderId, out var outbox) ? [.. outbox.Events] : [];
            return ValueTask.FromResult(events);
        }
    }

    // Called under _gate by the status change that causes the event. A pending retry keeps its later due time.
    private void Record(string orderId, CartKitEventType type, DateTimeOffset at)
    {
        if (!_outboxes.TryGetValue(orderId, out var outbox))
        {
            _outboxes[orderId] = outbox = new Outbox();
        }

        outbox.Events.Add(new RecordedOrderEvent(type, at));
        _pending.Add(orderId);
        outbox.DueAt = outbox.DueAt is { } due && due > at ? due : at;
    }

    private sealed class Outbox
    {
        public List<RecordedOrderEvent> Events { get; } = [];

        public int Handled { get; set; }

        public int Attempts { get; set; }

        public DateTimeOffset? DueAt { get; set; }

        public string? LeaseToken { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }
    }
}
