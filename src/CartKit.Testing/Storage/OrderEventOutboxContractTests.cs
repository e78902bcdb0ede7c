using CartKit.Domain;
using CartKit.Events;
using CartKit.Storage;

namespace CartKit.Testing.Storage;

/// <summary>
/// What every order store that implements <see cref="IOrderEventOutbox"/> must enforce: each status change records
/// exactly its event (and a refused change none), in order; claims are exclusive until their lease lapses; a release
/// needs the claim's token, never drops an event recorded during the claim, and keeps a retry's backoff.
/// </summary>
public abstract class OrderEventOutboxContractTests
{
    private static readonly DateTimeOffset Later = Samples.T0.AddHours(2);

    /// <summary>Creates an empty order store for one test; it must implement <see cref="IOrderEventOutbox"/>.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IOrderRepository> CreateRepositoryAsync();

    [StorageFact]
    public async Task Insert_RecordsOrderPlaced_AndASecondInsertOfTheCartVersionRecordsNothing()
    {
        var (store, outbox) = await CreateAsync();
        var cart = Samples.Cart();
        var order = Samples.Order(cart, createdAt: Samples.T0);

        await store.InsertAsync(order);
        await store.InsertAsync(Samples.Order(cart));

        Assert.Equal([new RecordedOrderEvent(CartKitEventType.OrderPlaced, Samples.T0)], await outbox.ListEventsAsync(order.Id));
        Assert.Equal(new OrderEventBacklog(1, Samples.T0), await outbox.GetBacklogAsync());
    }

    [StorageFact]
    public async Task EachStatusChange_RecordsItsEvent_InOrder_AndRefusedChangesRecordNothing()
    {
        var (store, outbox) = await CreateAsync();
        var cancelled = await InsertAsync(store);
        var paid = await InsertAsync(store);
        var expired = await InsertAsync(store);

        await store.CloseAsync(cancelled.Id, OrderStatus.Cancelled, Samples.T0.AddMinutes(1));
        await store.CloseAsync(cancelled.Id, OrderStatus.Expired, Samples.T0.AddMinutes(2));
        await store.RecordPaymentConflictAsync(cancelled.Id, "pi_late", Samples.T0.AddMinutes(3));
        await store.RecordPaymentConflictAsync(cancelled.Id, "pi_later", Samples.T0.AddMinutes(4));
        await store.MarkPaidAsync(paid.Id, "pi_1", Samples.T0.AddMinutes(1));
        await store.MarkPaidAsync(paid.Id, "pi_2", Samples.T0.AddMinutes(2));
        await store.CloseAsync(paid.Id, OrderStatus.Cancelled, Samples.T0.AddMinutes(3));
        await store.CloseAsync(expired.Id, OrderStatus.Expired, Samples.T0.AddMinutes(5));

        Assert.Equal(
            [Placed(), new(CartKitEventType.OrderCancelled, Samples.T0.AddMinutes(1)), new(CartKitEventType.OrderPaymentConflict, Samples.T0.AddMinutes(3))],
            await outbox.ListEventsAsync(cancelled.Id));
        Assert.Equal([Placed(), new(CartKitEventType.OrderPaid, Samples.T0.AddMinutes(1))], await outbox.ListEventsAsync(paid.Id));
        Assert.Equal([Placed(), new(CartKitEventType.OrderExpired, Samples.T0.AddMinutes(5))], await outbox.ListEventsAsync(expired.Id));
        Assert.Empty(await outbox.ListEventsAsync(CartKitIds.NewOrderId()));
    }

    [StorageFact]
    public async Task SupersedePending_RecordsOneEventPerSupersededOrder()
    {
        var (store, outbox) = await CreateAsync();
        var v1 = Samples.Cart();
        var v2 = Samples.Next(v1);
        var v3 = Samples.Next(v2);
        Order first = Samples.Order(v1, createdAt: Samples.T0), second = Samples.Order(v2, createdAt: Samples.T0), current = Samples.Order(v3, createdAt: Samples.T0);
        foreach (var order in new[] { first, second, current })
        {
            await store.InsertAsync(order);
        }

        Assert.Equal(2, await store.SupersedePendingAsync(v1.Id, 3, Samples.T0.AddMinutes(1)));
        await store.SupersedePendingAsync(v1.Id, 3, Samples.T0.AddMinutes(2));

        var superseded = new RecordedOrderEvent(CartKitEventType.OrderSuperseded, Samples.T0.AddMinutes(1));
        Assert.Equal([Placed(), superseded], await outbox.ListEventsAsync(first.Id));
        Assert.Equal([Placed(), superseded], await outbox.ListEventsAsync(second.Id));
        Assert.Equal([Placed()], await outbox.ListEventsAsync(current.Id));
        Assert.Equal(5, (await outbox.GetBacklogAsync()).PendingEvents);
    }

    [StorageFact]
    public async Task ClaimDue_HandsOutEachOrderOnce_UntilItsLeaseLapses()
    {
        var (store, outbox) = await CreateAsync();
        var order = await InsertAsync(store);
        var now = Samples.T0.AddSeconds(1);

        var first = Assert.Single(await outbox.ClaimDueAsync(now, now.AddSeconds(30), 10));
        var during = await outbox.ClaimDueAsync(now.AddSeconds(29), now.AddSeconds(59), 10);
        var after = Assert.Single(await outbox.ClaimDueAsync(now.AddSeconds(30), now.AddSeconds(60), 10));

        Assert.Equal(order.Id, first.Order.Id);
        Assert.Equal([Placed()], first.Events);
        Assert.Equal(0, first.Handled);
        Assert.Empty(during);
        Assert.NotEqual(first.LeaseToken, after.LeaseToken);
        Assert.False(await outbox.ReleaseAsync(Progress(first, handled: 1, now)));
        Assert.True(await outbox.ReleaseAsync(Progress(after, handled: 1, now)));
    }

    [StorageFact]
    public async Task ClaimDue_TakesNothingNotYetDue_AndAtMostTheBatch_OldestFirst()
    {
        var (store, outbox) = await CreateAsync();
        var older = await InsertAsync(store, Samples.T0);
        await InsertAsync(store, Samples.T0.AddSeconds(2));
        await InsertAsync(store, Samples.T0.AddMinutes(10));

        Assert.Empty(await outbox.ClaimDueAsync(Samples.T0.AddMilliseconds(-1), Samples.T0.AddSeconds(30), 10));
        var batch = await outbox.ClaimDueAsync(Samples.T0.AddSeconds(5), Samples.T0.AddSeconds(35), 1);
        var rest = await outbox.ClaimDueAsync(Samples.T0.AddSeconds(5), Samples.T0.AddSeconds(35), 10);

        Assert.Equal(older.Id, Assert.Single(batch).Order.Id);
        Assert.Single(rest);
    }

    [StorageFact]
    public async Task Release_WithEverythingHandled_TakesTheOrderOutOfTheOutbox()
    {
        var (store, outbox) = await CreateAsync();
        var order = await InsertAsync(store);
        await store.MarkPaidAsync(order.Id, "pi_1", Samples.T0.AddMinutes(1));

        var claim = Assert.Single(await outbox.ClaimDueAsync(Later, Later.AddSeconds(30), 10));
        Assert.Equal(2, claim.Events.Count);
        Assert.True(await outbox.ReleaseAsync(Progress(claim, handled: 2, Later)));

        Assert.Empty(await outbox.ClaimDueAsync(Later.AddHours(1), Later.AddHours(2), 10));
        Assert.Equal(new OrderEventBacklog(0, null), await outbox.GetBacklogAsync());
        Assert.Equal(2, (await outbox.ListEventsAsync(order.Id)).Count);
    }

    [StorageFact]
    public async Task Release_AfterAFailure_KeepsTheAttempts_AndTheOrderWaitsForItsRetryTime()
    {
        var (store, outbox) = await CreateAsync();
        await InsertAsync(store);
        var claim = Assert.Single(await outbox.ClaimDueAsync(Later, Later.AddSeconds(30), 10));

        Assert.True(await outbox.ReleaseAsync(new OrderEventProgress(claim.Order.Id, claim.LeaseToken, 0, 3, Later.AddMinutes(1), [])));

        Assert.Empty(await outbox.ClaimDueAsync(Later.AddSeconds(59), Later.AddSeconds(90), 10));
        var retry = Assert.Single(await outbox.ClaimDueAsync(Later.AddMinutes(1), Later.AddMinutes(2), 10));
        Assert.Equal(3, retry.Attempts);
        Assert.Equal(0, retry.Handled);
        Assert.Equal(new OrderEventBacklog(1, Samples.T0), await outbox.GetBacklogAsync());
    }

    [StorageFact]
    public async Task AnEventRecordedDuringAClaim_IsStillDueAfterTheRelease()
    {
        var (store, outbox) = await CreateAsync();
        var order = await InsertAsync(store);
        var claim = Assert.Single(await outbox.ClaimDueAsync(Later, Later.AddSeconds(30), 10));

        await store.CloseAsync(order.Id, OrderStatus.Cancelled, Later);
        Assert.True(await outbox.ReleaseAsync(Progress(claim, handled: 1, Later)));

        var next = Assert.Single(await outbox.ClaimDueAsync(Later, Later.AddSeconds(30), 10));
        Assert.Equal(1, next.Handled);
        Assert.Equal(CartKitEventType.OrderCancelled, next.Events[1].Type);
        Assert.Equal(OrderStatus.Cancelled, next.Order.Status);
        Assert.Equal(new OrderEventBacklog(1, Later), await outbox.GetBacklogAsync());
    }

    [StorageFact]
    public async Task AnEventRecordedDuringABackoff_DoesNotCutTheBackoffShort()
    {
        var (store, outbox) = await CreateAsync();
        var order = await InsertAsync(store);
        var claim = Assert.Single(await outbox.ClaimDueAsync(Later, Later.AddSeconds(30), 10));
        Assert.True(await outbox.ReleaseAsync(new OrderEventProgress(order.Id, claim.LeaseToken, 0, 1, Later.AddMinutes(5), [])));

        await store.CloseAsync(order.Id, OrderStatus.Cancelled, Later.AddMinutes(1));

        Assert.Empty(await outbox.ClaimDueAsync(Later.AddMinutes(2), Later.AddMinutes(3), 10));
        Assert.Equal(2, Assert.Single(await outbox.ClaimDueAsync(Later.AddMinutes(5), Later.AddMinutes(6), 10)).Events.Count);
    }

    [StorageFact]
    public async Task Release_MarksDeadLetteredEvents_AndMovesOn()
    {
        var (store, outbox) = await CreateAsync();
        var order = await InsertAsync(store);
        await store.CloseAsync(order.Id, OrderStatus.Cancelled, Samples.T0.AddMinutes(1));
        var claim = Assert.Single(await outbox.ClaimDueAsync(Later, Later.AddSeconds(30), 10));

        Assert.True(await outbox.ReleaseAsync(new OrderEventProgress(order.Id, claim.LeaseToken, 1, 0, Later, [0])));

        Assert.Equal(
            [Placed() with { DeadLettered = true }, new(CartKitEventType.OrderCancelled, Samples.T0.AddMinutes(1))],
            await outbox.ListEventsAsync(order.Id));
        Assert.Equal(1, Assert.Single(await outbox.ClaimDueAsync(Later, Later.AddSeconds(30), 10)).Handled);
    }

    [StorageFact]
    public async Task ConcurrentClaims_FromSeveralRelays_HandOutEveryOrderToExactlyOne()
    {
        var (store, outbox) = await CreateAsync();
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await InsertAsync(store)).Id);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            await outbox.ClaimDueAsync(Later, Later.AddSeconds(30), 5))));

        var claimed = claims.SelectMany(c => c).Select(c => c.Order.Id).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(20, claimed.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), claimed.Order(StringComparer.Ordinal));
    }

    [StorageFact]
    public async Task ConcurrentStatusChanges_RecordExactlyTheEventsOfTheChangesThatHappened()
    {
        var (store, outbox) = await CreateAsync();
        var order = await InsertAsync(store);

        await Task.WhenAll(
            Task.Run(async () => await store.MarkPaidAsync(order.Id, "pi_1", Samples.T0.AddMinutes(1))),
            Task.Run(async () => await store.CloseAsync(order.Id, OrderStatus.Cancelled, Samples.T0.AddMinutes(1))),
            Task.Run(async () => await store.CloseAsync(order.Id, OrderStatus.Expired, Samples.T0.AddMinutes(1))));

        var stored = await store.GetAsync(order.Id);
        var events = await outbox.ListEventsAsync(order.Id);
        Assert.Equal([CartKitEventType.OrderPlaced, OrderEventRules.ForStatus(stored!.Status)], events.Select(e => e.Type));
    }

    private static RecordedOrderEvent Placed() => new(CartKitEventType.OrderPlaced, Samples.T0);

    private static OrderEventProgress Progress(PendingOrderEvents claim, int handled, DateTimeOffset now) =>
        new(claim.Order.Id, claim.LeaseToken, handled, 0, now, []);

    private static async Task<Order> InsertAsync(IOrderRepository store, DateTimeOffset? createdAt = null)
    {
        var order = Samples.Order(Samples.Cart(), createdAt: createdAt ?? Samples.T0);
        Assert.True((await store.InsertAsync(order)).Inserted);
        return order;
    }

    private async Task<(IOrderRepository Store, IOrderEventOutbox Outbox)> CreateAsync()
    {
        var store = await CreateRepositoryAsync();
        var outbox = store as IOrderEventOutbox;
        Assert.True(outbox is not null, $"{store.GetType().Name} does not implement IOrderEventOutbox.");
        return (store, outbox);
    }
}
