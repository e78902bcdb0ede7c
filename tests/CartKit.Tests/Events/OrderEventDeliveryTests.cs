using CartKit.Domain;
using CartKit.Events;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CartKit.Tests.Events;

// The relay pass over the in-memory store, with a fake clock: backoff, dead-lettering, lapsed leases and the metrics.
public sealed class OrderEventDeliveryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(Samples.T0.AddMinutes(1));
    private readonly InMemoryOrderRepository _store = new();
    private readonly MetricsRecorder _recorder = new();

    [Fact]
    public async Task AFailingEvent_IsRetriedWithDoublingBackoff_ThenDeadLettered_AndTheOrdersNextEventFollows()
    {
        var subscriber = new Subscriber { FailPlaced = true };
        var delivery = Delivery(subscriber, o => { o.MaxAttempts = 3; o.RetryDelay = TimeSpan.FromSeconds(1); });
        var order = await InsertAsync();
        await _store.CloseAsync(order.Id, OrderStatus.Cancelled, Samples.T0.AddMinutes(1));

        await delivery.RunOnceAsync();
        _time.Advance(TimeSpan.FromMilliseconds(999));
        await delivery.RunOnceAsync();
        Assert.Single(subscriber.Attempts);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await delivery.RunOnceAsync();
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        await delivery.RunOnceAsync();
        Assert.Equal(2, subscriber.Attempts.Count);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await delivery.RunOnceAsync();

        Assert.Equal([order.Id + "-1", order.Id + "-1", order.Id + "-1", order.Id + "-2"], subscriber.Attempts);
        Assert.True((await _store.ListEventsAsync(order.Id))[0].DeadLettered);
        Assert.Equal(3, _recorder.Sum(EventMetrics.Failed, (EventMetrics.TypeTag, "order.placed")));
        Assert.Equal(1, _recorder.Sum(EventMetrics.DeadLettered, (EventMetrics.TypeTag, "order.placed")));
        Assert.Equal(1, _recorder.Sum(EventMetrics.Delivered, (EventMetrics.TypeTag, "order.cancelled")));
        Assert.Equal(new OrderEventBacklog(0, null), await _store.GetBacklogAsync());
    }

    [Fact]
    public async Task AFailingOrder_DoesNotHoldUpTheOthers()
    {
        var subscriber = new Subscriber { FailPlaced = true };
        var delivery = Delivery(subscriber);
        var failing = await InsertAsync();
        await _store.CloseAsync(failing.Id, OrderStatus.Cancelled, Samples.T0.AddMinutes(1));
        var other = await InsertAsync();
        await _store.CloseAsync(other.Id, OrderStatus.Cancelled, Samples.T0.AddMinutes(1));
        subscriber.FailOnly = failing.Id;

        await delivery.RunOnceAsync();

        Assert.Contains(other.Id + "-2", subscriber.Delivered);
        Assert.DoesNotContain(failing.Id + "-2", subscriber.Attempts);
    }

    [Fact]
    public async Task ADeadRelaysClaim_LapsesAfterTheLease_AndAnotherRelayDelivers()
    {
        var order = await InsertAsync();
        var dead = await _store.ClaimDueAsync(_time.GetUtcNow(), _time.GetUtcNow().AddSeconds(30), 10);
        Assert.Single(dead);
        var subscriber = new Subscriber();
        var delivery = Delivery(subscriber);

        await delivery.RunOnceAsync();
        Assert.Empty(subscriber.Attempts);

        _time.Advance(TimeSpan.FromSeconds(30));
        await delivery.RunOnceAsync();

        Assert.Equal([order.Id + "-1"], subscriber.Delivered);
        Assert.False(await _store.ReleaseAsync(new OrderEventProgress(order.Id, dead[0].LeaseToken, 1, 0, _time.GetUtcNow(), [])));
    }

    [Fact]
    public async Task TheBacklogGauges_ReportPendingEvents_AndTheOldestAge_AndDeliveryRecordsItsLag()
    {
        var subscriber = new Subscriber { FailPlaced = true };
        var delivery = Delivery(subscriber);
        await InsertAsync();
        await InsertAsync();

        await delivery.RunOnceAsync();
        _recorder.Observe();

        Assert.Equal(2, _recorder.Sum(EventMetrics.Pending));
        Assert.Equal([60d], _recorder.Recorded(EventMetrics.OldestPendingAge));

        subscriber.FailPlaced = false;
        _time.Advance(TimeSpan.FromMinutes(5));
        await delivery.RunOnceAsync();

        Assert.Equal([360d, 360d], _recorder.Recorded(EventMetrics.DeliveryLag, (EventMetrics.TypeTag, "order.placed")));
    }

    public void Dispose() => _recorder.Dispose();

    private OrderEventDelivery Delivery(ICartKitEventSubscriber subscriber, Action<EventRelayOptions>? configure = null)
    {
        var options = new CartKitOptions();
        configure?.Invoke(options.Events);
        return new OrderEventDelivery(
            _store,
            [subscriber],
            Options.Create(options),
            _time,
            new EventMetrics(_time, _recorder),
            NullLogger<OrderEventDelivery>.Instance);
    }

    private async Task<Order> InsertAsync()
    {
        var order = Samples.Order(Samples.Cart(), createdAt: Samples.T0);
        await _store.InsertAsync(order);
        return order;
    }

    private sealed class Subscriber : ICartKitEventSubscriber
    {
        public bool FailPlaced { get; set; }

        public string? FailOnly { get; set; }

        public List<string> Attempts { get; } = [];

        public List<string> Delivered { get; } = [];

        public ValueTask HandleAsync(CartKitEvent cartKitEvent, CancellationToken cancellationToken = default)
        {
            lock (Attempts)
            {
                Attempts.Add(cartKitEvent.Id);
                if (FailPlaced && cartKitEvent.Type == CartKitEventType.OrderPlaced && (FailOnly is null || FailOnly == cartKitEvent.OrderId))
                {
                    throw new InvalidOperationException("Down.");
                }

                Delivered.Add(cartKitEvent.Id);
            }

            return ValueTask.CompletedTask;
        }
    }
}
