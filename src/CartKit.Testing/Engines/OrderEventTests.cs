using System.Collections.Concurrent;
using System.Diagnostics;
using CartKit.Domain;
using CartKit.Events;
using CartKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CartKit.Testing.Engines;

/// <summary>
/// Order events over a storage profile: what the engines' order changes record (exactly one event per change, in
/// order), and the relay delivering them to a subscriber while two processes run it over one store.
/// </summary>
/// <typeparam name="TStorage">The storage profile.</typeparam>
public abstract class OrderEventTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    [StorageFact]
    public async Task CheckoutAndPayment_RecordPlacedThenPaid_WithThePaymentTimes()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 2);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        kit.Time.Advance(TimeSpan.FromSeconds(5));
        var paid = ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));

        Assert.Equal(
            [new RecordedOrderEvent(CartKitEventType.OrderPlaced, order.CreatedAt), new(CartKitEventType.OrderPaid, paid.PaidAt!.Value)],
            await EventsOf(kit, order.Id));
    }

    [StorageFact]
    public async Task CheckingOutAChangedCart_RecordsTheOldOrderSuperseded()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var first = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        ResultAssert.Success(await kit.Carts.AddItemAsync(session, "CAP", 1));
        var second = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        Assert.Equal([CartKitEventType.OrderPlaced, CartKitEventType.OrderSuperseded], (await EventsOf(kit, first.Id)).Select(e => e.Type));
        Assert.Equal([CartKitEventType.OrderPlaced], (await EventsOf(kit, second.Id)).Select(e => e.Type));
    }

    [StorageFact]
    public async Task CancelTwice_AndALatePayment_RecordCancelledOnce_ThenThePaymentConflict()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        ResultAssert.Success(await kit.Checkout.CancelOrderAsync(session, order.Id));
        ResultAssert.Success(await kit.Checkout.CancelOrderAsync(session, order.Id));
        ResultAssert.Failure(await kit.Checkout.PayAsync(order, "pi_late"), CartKitErrorCode.PaymentConflict);
        ResultAssert.Failure(await kit.Checkout.PayAsync(order, "pi_late"), CartKitErrorCode.PaymentConflict);

        Assert.Equal(
            [CartKitEventType.OrderPlaced, CartKitEventType.OrderCancelled, CartKitEventType.OrderPaymentConflict],
            (await EventsOf(kit, order.Id)).Select(e => e.Type));
    }

    [StorageFact]
    public async Task CheckingOutAgainAfterExpiry_RecordsTheOldOrderExpired()
    {
        var ttl = TimeSpan.FromMinutes(5);
        var kit = NewHarness(o => o.PendingOrderTtl = ttl);
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var first = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        kit.Time.Advance(ttl + TimeSpan.FromSeconds(1));

        ResultAssert.Success(await kit.Checkout.CheckoutAsync(session));

        Assert.Equal([CartKitEventType.OrderPlaced, CartKitEventType.OrderExpired], (await EventsOf(kit, first.Id)).Select(e => e.Type));
    }

    [StorageFact]
    public async Task ConcurrentPaymentAndCancel_RecordTheEventOfWhicheverWon_AndNothingElse()
    {
        var kit = NewHarness();
        var other = AnotherInstanceOf(kit);
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        await Task.WhenAll(
            Task.Run(async () => await kit.Checkout.PayAsync(order, "pi_1")),
            Task.Run(async () => await other.Checkout.CancelOrderAsync(session, order.Id)));

        var status = (await kit.OrderStore.GetAsync(order.Id))!.Status;
        var expected = status == OrderStatus.Paid
            ? new[] { CartKitEventType.OrderPlaced, CartKitEventType.OrderPaid }
            : [CartKitEventType.OrderPlaced, CartKitEventType.OrderCancelled, CartKitEventType.OrderPaymentConflict];
        Assert.Equal(expected, (await EventsOf(kit, order.Id)).Select(e => e.Type));
    }

    [StorageFact]
    public async Task TwoProcessesRunningTheRelay_DeliverEveryEventOnce_InOrderPerOrder_WithItsPayload()
    {
        var received = new ConcurrentQueue<CartKitEvent>();
        var subscriber = new RecordingSubscriber(received);
        var kit = NewHarnessWith(b => b.AddEventSubscriber(subscriber));
        var other = AnotherInstanceOf(kit);
        var orders = new List<Order>();
        for (var i = 0; i < 6; i++)
        {
            var session = await kit.NewSessionAsync();
            await kit.Carts.AddItemAsync(session, "MUG", i + 1);
            ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { Email = $"shopper{i}@example.com" }, CheckoutDetailsFields.Email));
            var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
            orders.Add(order);
            if (i % 2 == 0)
            {
                ResultAssert.Success(await other.Checkout.PayAsync(order, $"pi_{i}"));
            }
            else
            {
                ResultAssert.Success(await other.Checkout.CancelOrderAsync(session, order.Id));
            }
        }

        await using (await RelaysAsync(kit, other))
        {
            await AdvanceUntilAsync(kit, () => received.Count >= 12);
        }

        Assert.Equal(12, received.Count);
        Assert.Equal(12, received.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var (order, index) in orders.Select((o, i) => (o, i)))
        {
            var events = received.Where(e => e.OrderId == order.Id).ToList();
            Assert.Equal([1, 2], events.Select(e => e.Sequence));
            Assert.Equal(CartKitEventType.OrderPlaced, events[0].Type);
            Assert.Equal(index % 2 == 0 ? CartKitEventType.OrderPaid : CartKitEventType.OrderCancelled, events[1].Type);
            Assert.All(events, e =>
            {
                Assert.Equal(order.CartId, e.CartId);
                Assert.Equal(order.Total, e.Total);
                Assert.Equal($"shopper{index}@example.com", e.Email);
                Assert.Equal(index + 1, Assert.Single(e.Lines).Quantity);
            });
            Assert.Equal(index % 2 == 0 ? $"pi_{index}" : null, events[1].PaymentReference);
        }

        Assert.Equal(new OrderEventBacklog(0, null), await Outbox(kit).GetBacklogAsync());
    }

    [StorageFact]
    public async Task ASubscriberThatFails_GetsTheSameEventAgainAfterBackoff_AndTheOrdersNextEventWaitsForIt()
    {
        var received = new ConcurrentQueue<CartKitEvent>();
        var subscriber = new RecordingSubscriber(received) { FailuresLeft = 2 };
        var kit = NewHarnessWith(b => b.AddEventSubscriber(subscriber), o => o.Events.RetryDelay = TimeSpan.FromSeconds(10));
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));

        await using (await RelaysAsync(kit))
        {
            await AdvanceUntilAsync(kit, () => received.Count >= 2);
        }

        Assert.Equal(3, subscriber.Attempts.Count(id => id == OrderEventRules.EventId(order.Id, 1)));
        Assert.Equal([OrderEventRules.EventId(order.Id, 1), OrderEventRules.EventId(order.Id, 2)], received.Select(e => e.Id));
    }

    private static IOrderEventOutbox Outbox(CartKitHarness kit) =>
        kit.Services.GetRequiredKeyedService<IOrderRepository>(CartKitServiceKeys.SourceOfTruth) as IOrderEventOutbox
        ?? throw new InvalidOperationException("The profile's order store does not implement IOrderEventOutbox.");

    private static ValueTask<IReadOnlyList<RecordedOrderEvent>> EventsOf(CartKitHarness kit, string orderId) =>
        Outbox(kit).ListEventsAsync(orderId);

    // Starts every hosted service of the processes (the relay among them) and stops them when disposed.
    private static async Task<IAsyncDisposable> RelaysAsync(params CartKitHarness[] kits)
    {
        var services = kits.SelectMany(k => k.Services.GetServices<IHostedService>()).ToList();
        foreach (var service in services)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return new Stopper(services);
    }

    // The relay waits on the fake clock: move it on in poll-sized steps until the condition holds.
    private static async Task AdvanceUntilAsync(CartKitHarness kit, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The relay did not deliver within 30 seconds.");
            kit.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20);
        }

        // A little longer, so a duplicate delivery would have time to show.
        for (var i = 0; i < 10; i++)
        {
            kit.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20);
        }
    }

    private sealed class Stopper(List<IHostedService> services) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var service in services)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    private sealed class RecordingSubscriber(ConcurrentQueue<CartKitEvent> received) : ICartKitEventSubscriber
    {
        private int _failuresLeft;

        public int FailuresLeft { get => _failuresLeft; init => _failuresLeft = value; }

        public ConcurrentQueue<string> Attempts { get; } = new();

        public ValueTask HandleAsync(CartKitEvent cartKitEvent, CancellationToken cancellationToken = default)
        {
            Attempts.Enqueue(cartKitEvent.Id);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new InvalidOperationException("The subscriber is down.");
            }

            received.Enqueue(cartKitEvent);
            return ValueTask.CompletedTask;
        }
    }
}
