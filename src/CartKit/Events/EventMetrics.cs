using System.Diagnostics.Metrics;
using CartKit.Diagnostics;
using CartKit.Storage;

namespace CartKit.Events;

// The relay's instruments. The backlog gauges report what the last relay pass of this process read from the store
// (every instance running a relay reports the same store-wide figure); the delivery lag histogram is what the
// "outbox lag" figure is measured from. Tags: the event type only.
internal sealed class EventMetrics
{
    public const string Pending = "cartkit.events.pending";
    public const string OldestPendingAge = "cartkit.events.oldest_pending_age";
    public const string Delivered = "cartkit.events.delivered";
    public const string Failed = "cartkit.events.failed";
    public const string DeadLettered = "cartkit.events.dead_lettered";
    public const string DeliveryLag = "cartkit.events.delivery_lag";
    public const string TypeTag = "cartkit.event.type";

    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _lag;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private OrderEventBacklog _backlog;

    public EventMetrics(TimeProvider time, IMeterFactory? meterFactory = null)
    {
        _time = time;
        var meter = CartKitMeter.Create(meterFactory);
        meter.CreateObservableGauge(
            Pending,
            () => Read().PendingEvents,
            "{event}",
            "Events recorded and not yet delivered or dead-lettered, as of the relay's last pass.");
        meter.CreateObservableGauge(
            OldestPendingAge,
            ObserveOldestAge,
            "s",
            "Age of the oldest event waiting for delivery (0 when none wait), as of the relay's last pass.");
        _delivered = meter.CreateCounter<long>(Delivered, "{event}", "Events every handler accepted, by type.");
        _failed = meter.CreateCounter<long>(Failed, "{attempt}", "Delivery attempts a handler failed, by type; each is retried with backoff.");
        _deadLettered = meter.CreateCounter<long>(
            DeadLettered,
            "{event}",
            "Events given up after EventRelayOptions.MaxAttempts failed attempts, by type. Alert on any.");
        _lag = meter.CreateHistogram<double>(
            DeliveryLag,
            "s",
            "Time from an event's state change to its delivery to every handler, by type.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
    }

    public void Backlog(OrderEventBacklog backlog)
    {
        lock (_gate)
        {
            _backlog = backlog;
        }
    }

    public void EventDelivered(CartKitEventType type, TimeSpan lag)
    {
        var tag = new KeyValuePair<string, object?>(TypeTag, CartKitEventNames.Of(type));
        _delivered.Add(1, tag);
        _lag.Record(Math.Max(0, lag.TotalSeconds), tag);
    }

    public void EventFailed(CartKitEventType type) => _failed.Add(1, new KeyValuePair<string, object?>(TypeTag, CartKitEventNames.Of(type)));

    public void EventDeadLettered(CartKitEventType type) => _deadLettered.Add(1, new KeyValuePair<string, object?>(TypeTag, CartKitEventNames.Of(type)));

    private double ObserveOldestAge()
    {
        var oldest = Read().OldestPendingAt;
        return oldest is null ? 0 : Math.Max(0, (_time.GetUtcNow() - oldest.Value).TotalSeconds);
    }

    private OrderEventBacklog Read()
    {
        lock (_gate)
        {
            return _backlog;
        }
    }
}
