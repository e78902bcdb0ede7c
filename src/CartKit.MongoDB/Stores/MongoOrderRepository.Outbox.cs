using CartKit.MongoDB.Documents;
using CartKit.Storage;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// The outbox half of the MongoDB order store. Events live in the order document (pushed by the status change's own
// update), so no transaction is needed. A claim is a findAndModify filtered on "due and not leased past now", so two
// relays never hold one order at once and a dead relay's lease lapses; a release is filtered on the claim's token, and
// takes the order out of the outbox only if no event arrived since the claim (the array's size is part of the filter).
internal sealed partial class MongoOrderRepository : IOrderEventOutbox
{
    public async ValueTask<IReadOnlyList<PendingOrderEvents>> ClaimDueAsync(
        DateTimeOffset now,
        DateTimeOffset leaseUntil,
        int maxOrders,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxOrders);
        try
        {
            var candidates = await _orders.Find(OrderQueries.EventsDue(now))
                .Sort(OrderQueries.DueFirst)
                .Limit(maxOrders)
                .Project<BsonDocument>(OrderQueries.IdOnly)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var claimed = new List<PendingOrderEvents>(candidates.Count);
            foreach (var candidate in candidates)
            {
                var orderId = candidate["_id"].AsString;
                var token = Guid.NewGuid().ToString("N");
                var document = await _orders.FindOneAndUpdateAsync(
                    OrderQueries.EventsDueById(orderId, now),
                    OrderQueries.ClaimEvents(token, leaseUntil),
                    OrderQueries.ReturnUpdated,
                    cancellationToken).ConfigureAwait(false);

                // Null: another relay claimed it between the find and the update.
                if (document is not null)
                {
                    claimed.Add(new PendingOrderEvents
                    {
                        Order = MongoDocumentMapper.ToOrder(document),
                        Events = ToEvents(document),
                        Handled = document.EventsHandled,
                        Attempts = document.EventAttempts,
                        LeaseToken = token,
                        LeaseUntil = leaseUntil,
                    });
                }
            }

            return claimed;
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<bool> ReleaseAsync(OrderEventProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            var done = await _orders.UpdateOneAsync(
                OrderQueries.EventsHeldAndAllHandled(progress.OrderId, progress.LeaseToken, progress.Handled),
                OrderQueries.EventsDone(progress),
                options: null,
                cancellationToken).ConfigureAwait(false);
            if (done.MatchedCount > 0)
            {
                return true;
            }

            var waiting = await _orders.UpdateOneAsync(
                OrderQueries.EventsHeldBy(progress.OrderId, progress.LeaseToken),
                OrderQueries.EventsWaiting(progress),
                options: null,
                cancellationToken).ConfigureAwait(false);
            return waiting.MatchedCount > 0;
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<OrderEventBacklog> GetBacklogAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await _orders.Aggregate(OrderQueries.Backlog, options: null, cancellationToken)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return new OrderEventBacklog(0, null);
            }

            var oldest = result["oldest"];
            return new OrderEventBacklog(
                result["pending"].ToInt64(),
                oldest.IsValidDateTime ? new DateTimeOffset(oldest.ToUniversalTime(), TimeSpan.Zero) : null);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    public async ValueTask<IReadOnlyList<RecordedOrderEvent>> ListEventsAsync(string orderId, CancellationToken cancellationToken = default)
    {
        try
        {
            var document = await _orders.Find(OrderQueries.ById(orderId)).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return document is null ? [] : ToEvents(document);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }

    private static RecordedOrderEvent[] ToEvents(OrderDocument document) =>
        document.Events is null
            ? []
            : [.. document.Events.Select(e => new RecordedOrderEvent(e.Type, new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)), e.Dead))];
}
