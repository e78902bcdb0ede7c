using CartKit.Diagnostics;
using CartKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.Events;

// One relay pass: claim due orders, hand each order's undone events to every subscriber in sequence, write back how far
// it got. A failure stops that order's delivery (its later events wait: order per order) and schedules a retry with
// exponential backoff; after MaxAttempts the event is dead-lettered and the order moves on. Orders of a batch are
// delivered concurrently, each by one task, so one slow or failing order does not hold up the others.
internal sealed class OrderEventDelivery
{
    private readonly IOrderEventOutbox _outbox;
    private readonly ICartKitEventSubscriber[] _handlers;
    private readonly EventRelayOptions _options;
    private readonly TimeProvider _time;
    private readonly EventMetrics _metrics;
    private readonly ILogger<OrderEventDelivery> _logger;

    public OrderEventDelivery(
        IOrderEventOutbox outbox,
        IEnumerable<ICartKitEventSubscriber> handlers,
        IOptions<CartKitOptions> options,
        TimeProvider time,
        EventMetrics metrics,
        ILogger<OrderEventDelivery> logger)
    {
        _outbox = outbox;
        _handlers = [.. handlers];
        _options = options.Value.Events;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    public int BatchSize => _options.BatchSize;

    // Returns how many orders it claimed (a full batch: run again at once).
    public async ValueTask<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var claimed = await _outbox.ClaimDueAsync(now, now + _options.Lease, _options.BatchSize, cancellationToken).ConfigureAwait(false);
        if (claimed.Count > 0)
        {
            await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = CancellationToken.None },
                async (pending, _) => await DeliverAsync(pending, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }

        _metrics.Backlog(await _outbox.GetBacklogAsync(cancellationToken).ConfigureAwait(false));
        return claimed.Count;
    }

    public TimeSpan Backoff(int attempts)
    {
        var doublings = Math.Min(attempts - 1, 30);
        var delay = _options.RetryDelay * Math.Pow(2, doublings);
        return delay < _options.MaxRetryDelay ? delay : _options.MaxRetryDelay;
    }

    private async Task DeliverAsync(PendingOrderEvents pending, CancellationToken cancellationToken)
    {
        var handled = pending.Handled;
        var attempts = pending.Attempts;
        var dueAt = _time.GetUtcNow();
        List<int>? deadLettered = null;
        while (handled < pending.Events.Count && !cancellationToken.IsCancellationRequested)
        {
            var recorded = pending.Events[handled];
            var cartKitEvent = OrderEventMapper.ToEvent(pending.Order, recorded, handled);
            var failure = await OfferAsync(cartKitEvent, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                var lag = _time.GetUtcNow() - recorded.OccurredAt;
                _metrics.EventDelivered(recorded.Type, lag);
                Log.EventDelivered(_logger, cartKitEvent.Id, CartKitEventNames.Of(recorded.Type), (long)lag.TotalMilliseconds);
                handled++;
                attempts = 0;
                continue;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                // Stopping, not failing: the attempt does not count.
                break;
            }

            attempts++;
            _metrics.EventFailed(recorded.Type);
            if (attempts >= _options.MaxAttempts)
            {
                _metrics.EventDeadLettered(recorded.Type);
                Log.EventDeadLettered(_logger, cartKitEvent.Id, CartKitEventNames.Of(recorded.Type), attempts, failure);
                (deadLettered ??= []).Add(handled);
                handled++;
                attempts = 0;
                continue;
            }

            dueAt = _time.GetUtcNow() + Backoff(attempts);
            Log.EventDeliveryFailed(_logger, cartKitEvent.Id, CartKitEventNames.Of(recorded.Type), attempts, dueAt, failure);
            break;
        }

        // Written even when the host is stopping, so the claim ends now instead of when its lease lapses.
        var progress = new OrderEventProgress(pending.Order.Id, pending.LeaseToken, handled, attempts, dueAt, deadLettered ?? []);
        if (!await _outbox.ReleaseAsync(progress, CancellationToken.None).ConfigureAwait(false))
        {
            Log.EventLeaseLost(_logger, pending.Order.Id);
        }
    }

    private async Task<Exception?> OfferAsync(CartKitEvent cartKitEvent, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var handler in _handlers)
            {
                await handler.HandleAsync(cartKitEvent, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
#pragma warning disable CA1031 // A handler's failure of any kind is a failed attempt, retried with backoff.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex;
        }
    }
}
