using CartKit.Events;
using CartKit.Storage;

namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>
/// The outbox of the document order store: each status change writes its event into the order's own document (one
/// write under the collection's lock), and the relay claims, releases and reads them here.
/// </summary>
public sealed partial class DocumentOrderRepository : IOrderEventOutbox
{
    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PendingOrderEvents>> ClaimDueAsync(
        DateTimeOffset now,
        DateTimeOffset leaseUntil,
        int maxOrders,
        CancellationToken cancellationToken = default)
    {
        lock (_orders.Gate)
        {
            var due = _orders.All().Select(DocumentMapping.ReadOrderDocument)
                .Where(d => d.EventsDueAt <= now && !(d.EventLeaseUntil > now))
                .OrderBy(d => d.EventsDueAt)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Take(maxOrders)
                .ToList();
            var claimed = new List<PendingOrderEvents>(due.Count);
            foreach (var document in due)
            {
                var token = Guid.NewGuid().ToString("N");
                _orders.Put(document.Id, DocumentMapping.Write(document with { EventLease = token, EventLeaseUntil = leaseUntil }));
                claimed.Add(new PendingOrderEvents
                {
                    Order = DocumentMapping.ToOrder(document),
                    Events = Events(document),
                    Handled = document.EventsHandled,
                    Attempts = document.EventAttempts,
                    LeaseToken = token,
                    LeaseUntil = leaseUntil,
                });
            }

            return ValueTask.FromResult<IReadOnlyList<PendingOrderEvents>>(claimed);
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> ReleaseAsync(OrderEventProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_orders.Gate)
        {
            if (Find(progress.OrderId) is not { } document || !string.Equals(document.EventLease, progress.LeaseToken, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            var events = (document.Events ?? []).Select((e, i) => progress.DeadLettered.Contains(i) ? e with { Dead = true } : e).ToList();
            var done = progress.Handled >= events.Count;
            _orders.Put(document.Id, DocumentMapping.Write(document with
            {
                Events = events,
                EventsHandled = progress.Handled,
                EventAttempts = done ? 0 : progress.Attempts,
                EventsDueAt = done ? null : progress.DueAt,
                EventLease = null,
                EventLeaseUntil = null,
            }));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<OrderEventBacklog> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        lock (_orders.Gate)
        {
            var waiting = _orders.All().Select(DocumentMapping.ReadOrderDocument)
                .Where(d => d.Events is not null && d.EventsHandled < d.Events.Count)
                .ToList();
            return ValueTask.FromResult(new OrderEventBacklog(
                waiting.Sum(d => (long)(d.Events!.Count - d.EventsHandled)),
                waiting.Count == 0 ? null : waiting.Min(d => d.Events![d.EventsHandled].At)));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<RecordedOrderEvent>> ListEventsAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_orders.Gate)
        {
            return ValueTask.FromResult<IReadOnlyList<RecordedOrderEvent>>(Find(orderId) is { } document ? Events(document) : []);
        }
    }

    // The event a status change records, in the same document write; a pending retry keeps its later due time.
    private static OrderDocument WithEvent(OrderDocument document, CartKitEventType type, DateTimeOffset at) => document with
    {
        Events = [.. document.Events ?? [], new OrderEventDocument(type, at)],
        EventsDueAt = document.EventsDueAt > at ? document.EventsDueAt : at,
    };

    private static RecordedOrderEvent[] Events(OrderDocument document) =>
        [.. (document.Events ?? []).Select(e => new RecordedOrderEvent(e.Type, e.At, e.Dead))];
}
