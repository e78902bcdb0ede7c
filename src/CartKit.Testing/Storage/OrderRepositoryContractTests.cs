using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Testing.Storage;

/// <summary>What every <see cref="IOrderRepository"/> must enforce, across processes.</summary>
public abstract class OrderRepositoryContractTests
{
    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IOrderRepository> CreateRepositoryAsync();

    [StorageFact]
    public async Task Insert_ThenGet_RoundTripsEveryField()
    {
        var store = await CreateRepositoryAsync();
        var order = Samples.Order(Samples.Cart(userId: "user-1", currency: Currency.JPY), OrderStatus.Paid);

        var inserted = await store.InsertAsync(order);

        Assert.True(inserted.Inserted);
        StoreAssert.SameOrder(order, await store.GetAsync(order.Id));
    }

    [StorageFact]
    public async Task Insert_OrdersWithAndWithoutCheckoutDetails_ReadBackAsWritten()
    {
        var store = await CreateRepositoryAsync();
        var without = Samples.Order(Samples.Cart() with { Details = CheckoutDetails.None });
        var partial = Samples.Order(Samples.Cart() with { Details = new CheckoutDetails { Email = "a@example.com", DiscountCodes = ["X"] } });

        await store.InsertAsync(without);
        await store.InsertAsync(partial);

        StoreAssert.SameOrder(without, await store.GetAsync(without.Id));
        StoreAssert.SameOrder(partial, await store.GetAsync(partial.Id));
        Assert.True((await store.GetAsync(without.Id))!.Details.IsEmpty);
    }

    [StorageFact]
    public async Task Insert_ASecondOrderForTheSameCartVersion_ReturnsTheFirst()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart();
        var first = Samples.Order(cart);
        await store.InsertAsync(first);

        var second = await store.InsertAsync(Samples.Order(cart));

        Assert.False(second.Inserted);
        Assert.Equal(first.Id, second.Order.Id);
        Assert.Single(await store.ListByCartAsync(cart.Id));
    }

    [StorageFact]
    public async Task ConcurrentInserts_ForOneCartVersion_StoreExactlyOneOrder()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart();

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () => await store.InsertAsync(Samples.Order(cart)))));

        Assert.Single(results, r => r.Inserted);
        Assert.Single(results.Select(r => r.Order.Id).Distinct(StringComparer.Ordinal));
        Assert.Single(await store.ListByCartAsync(cart.Id));
    }

    [StorageFact]
    public async Task FindByCartVersion_AndListByCart_FollowTheCart()
    {
        var store = await CreateRepositoryAsync();
        var v1 = Samples.Cart();
        var v2 = Samples.Next(v1);
        var first = Samples.Order(v1, createdAt: Samples.T0);
        var second = Samples.Order(v2, createdAt: Samples.T0.AddMinutes(1));
        await store.InsertAsync(second);
        await store.InsertAsync(first);
        await store.InsertAsync(Samples.Order(Samples.Cart()));

        Assert.Equal(second.Id, (await store.FindByCartVersionAsync(v1.Id, 2))?.Id);
        Assert.Null(await store.FindByCartVersionAsync(v1.Id, 3));
        Assert.Equal([first.Id, second.Id], (await store.ListByCartAsync(v1.Id)).Select(o => o.Id));
    }

    [StorageFact]
    public async Task SupersedePending_SupersedesOnlyPendingOrdersOfOlderVersions()
    {
        var store = await CreateRepositoryAsync();
        var v1 = Samples.Cart();
        var v2 = Samples.Next(v1);
        var v3 = Samples.Next(v2);
        var old = Samples.Order(v1);
        var current = Samples.Order(v3);
        var other = Samples.Order(Samples.Cart(version: 1));
        await store.InsertAsync(old);
        await store.InsertAsync(Samples.Order(v2, OrderStatus.Superseded));
        await store.InsertAsync(current);
        await store.InsertAsync(other);

        Assert.Equal(1, await store.SupersedePendingAsync(v1.Id, 3, Samples.T0.AddMinutes(5)));

        Assert.Equal(OrderStatus.Superseded, (await store.GetAsync(old.Id))!.Status);
        Assert.Equal(Samples.T0.AddMinutes(5), (await store.GetAsync(old.Id))!.ClosedAt);
        Assert.Equal(OrderStatus.PendingPayment, (await store.GetAsync(current.Id))!.Status);
        Assert.Equal(OrderStatus.PendingPayment, (await store.GetAsync(other.Id))!.Status);
    }

    [StorageFact]
    public async Task MarkPaid_MovesAPendingOrderToPaid_Once()
    {
        var store = await CreateRepositoryAsync();
        var order = Samples.Order(Samples.Cart());
        await store.InsertAsync(order);
        var paidAt = Samples.T0.AddMinutes(3);

        var paid = await store.MarkPaidAsync(order.Id, "pi_1", paidAt);
        var again = await store.MarkPaidAsync(order.Id, "pi_2", paidAt.AddMinutes(1));

        Assert.Equal(OrderPaymentOutcome.Paid, paid.Outcome);
        Assert.Equal(OrderStatus.Paid, paid.Order!.Status);
        Assert.Equal(OrderPaymentOutcome.NotPending, again.Outcome);
        var stored = await store.GetAsync(order.Id);
        Assert.Equal("pi_1", stored!.PaymentReference);
        Assert.Equal(paidAt, stored.PaidAt);
    }

    [StorageFact]
    public async Task MarkPaid_RefusesSupersededAndUnknownOrders()
    {
        var store = await CreateRepositoryAsync();
        var superseded = Samples.Order(Samples.Cart(), OrderStatus.Superseded);
        await store.InsertAsync(superseded);

        Assert.Equal(OrderPaymentOutcome.NotPending, (await store.MarkPaidAsync(superseded.Id, "pi", Samples.T0)).Outcome);
        Assert.Equal(OrderPaymentOutcome.NotFound, (await store.MarkPaidAsync("AAAAAAAAAAAAAAAAAAAAAA", "pi", Samples.T0)).Outcome);
    }

    [StorageFact]
    public async Task ACart_HasAtMostOnePaidOrder()
    {
        var store = await CreateRepositoryAsync();
        var v1 = Samples.Cart();
        var older = Samples.Order(v1);
        var newer = Samples.Order(Samples.Next(v1));
        await store.InsertAsync(older);
        await store.InsertAsync(newer);

        var results = await Task.WhenAll(
            Task.Run(async () => await store.MarkPaidAsync(older.Id, "pi_a", Samples.T0)),
            Task.Run(async () => await store.MarkPaidAsync(newer.Id, "pi_b", Samples.T0)));

        Assert.Single(results, r => r.Outcome == OrderPaymentOutcome.Paid);
        Assert.Single(results, r => r.Outcome == OrderPaymentOutcome.AnotherOrderPaid);
        var loser = results.Single(r => r.Outcome == OrderPaymentOutcome.AnotherOrderPaid).Order!;
        Assert.Equal(OrderStatus.PendingPayment, (await store.GetAsync(loser.Id))!.Status);
    }

    [StorageTheory]
    [InlineData(OrderStatus.PendingPayment)]
    [InlineData(OrderStatus.Superseded)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.PaymentConflict)]
    public async Task Insert_ThenGet_RoundTripsEveryStatus(OrderStatus status)
    {
        var store = await CreateRepositoryAsync();
        var order = Samples.Order(Samples.Cart(), status);

        await store.InsertAsync(order);

        StoreAssert.SameOrder(order, await store.GetAsync(order.Id));
    }

    [StorageFact]
    public async Task MarkPaid_RefusesAnOrderPastItsExpiry()
    {
        var store = await CreateRepositoryAsync();
        var order = Samples.Order(Samples.Cart());
        await store.InsertAsync(order);

        var late = await store.MarkPaidAsync(order.Id, "pi_1", order.ExpiresAt);

        Assert.Equal(OrderPaymentOutcome.NotPending, late.Outcome);
        Assert.Equal(OrderStatus.PendingPayment, (await store.GetAsync(order.Id))!.Status);
        Assert.Equal(OrderPaymentOutcome.Paid, (await store.MarkPaidAsync(order.Id, "pi_1", order.ExpiresAt.AddMilliseconds(-1))).Outcome);
    }

    [StorageTheory]
    [InlineData(OrderStatus.Superseded)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task Close_MovesOnlyPendingOrders_AndStampsTheTime(OrderStatus end)
    {
        var store = await CreateRepositoryAsync();
        var pending = Samples.Order(Samples.Cart());
        var paid = Samples.Order(Samples.Cart(), OrderStatus.Paid);
        await store.InsertAsync(pending);
        await store.InsertAsync(paid);
        var at = Samples.T0.AddMinutes(7);

        var closed = await store.CloseAsync(pending.Id, end, at);

        Assert.Equal(end, closed!.Status);
        Assert.Equal(at, closed.ClosedAt);
        StoreAssert.SameOrder(closed, await store.GetAsync(pending.Id));
        Assert.Equal(OrderStatus.Paid, (await store.CloseAsync(paid.Id, end, at))!.Status);
        var again = await store.CloseAsync(pending.Id, OrderStatus.Cancelled, at.AddMinutes(1));
        Assert.Equal(end, again!.Status);
        Assert.Equal(at, again.ClosedAt);
        Assert.Null(await store.CloseAsync("AAAAAAAAAAAAAAAAAAAAAA", end, at));
    }

    [StorageTheory]
    [InlineData(OrderStatus.PendingPayment)]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.PaymentConflict)]
    public async Task Close_RefusesAStatusThatIsNotAnEndState(OrderStatus status)
    {
        var store = await CreateRepositoryAsync();
        var order = Samples.Order(Samples.Cart());
        await store.InsertAsync(order);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.CloseAsync(order.Id, status, Samples.T0));
        Assert.Equal(OrderStatus.PendingPayment, (await store.GetAsync(order.Id))!.Status);
    }

    [StorageTheory]
    [InlineData(OrderStatus.PendingPayment)]
    [InlineData(OrderStatus.Superseded)]
    [InlineData(OrderStatus.Expired)]
    [InlineData(OrderStatus.Cancelled)]
    public async Task RecordPaymentConflict_KeepsTheMoneyOfAnOrderThatCannotBeFulfilled(OrderStatus status)
    {
        var store = await CreateRepositoryAsync();
        var order = Samples.Order(Samples.Cart(), status);
        await store.InsertAsync(order);
        var at = Samples.T0.AddMinutes(9);

        var recorded = await store.RecordPaymentConflictAsync(order.Id, "pi_late", at);

        Assert.Equal(OrderStatus.PaymentConflict, recorded!.Status);
        Assert.Equal("pi_late", recorded.PaymentReference);
        Assert.Equal(at, recorded.PaidAt);
        StoreAssert.SameOrder(recorded, await store.GetAsync(order.Id));

        // The first payment recorded stays: a second one does not overwrite it.
        var second = await store.RecordPaymentConflictAsync(order.Id, "pi_other", at.AddMinutes(1));
        Assert.Equal("pi_late", second!.PaymentReference);
    }

    [StorageFact]
    public async Task RecordPaymentConflict_LeavesAPaidOrderAlone()
    {
        var store = await CreateRepositoryAsync();
        var paid = Samples.Order(Samples.Cart(), OrderStatus.Paid);
        await store.InsertAsync(paid);

        var after = await store.RecordPaymentConflictAsync(paid.Id, "pi_other", Samples.T0.AddMinutes(9));

        StoreAssert.SameOrder(paid, after);
        Assert.Null(await store.RecordPaymentConflictAsync("AAAAAAAAAAAAAAAAAAAAAA", "pi_1", Samples.T0));
    }

    [StorageFact]
    public async Task CloseAndPay_Racing_ExactlyOneWins()
    {
        var store = await CreateRepositoryAsync();
        for (var round = 0; round < 20; round++)
        {
            var order = Samples.Order(Samples.Cart());
            await store.InsertAsync(order);

            var pay = Task.Run(async () => await store.MarkPaidAsync(order.Id, "pi_1", Samples.T0.AddMinutes(1)));
            var cancel = Task.Run(async () => await store.CloseAsync(order.Id, OrderStatus.Cancelled, Samples.T0.AddMinutes(1)));
            await Task.WhenAll(pay, cancel);

            var final = (await store.GetAsync(order.Id))!;
            Assert.Equal(pay.Result.Outcome == OrderPaymentOutcome.Paid ? OrderStatus.Paid : OrderStatus.Cancelled, final.Status);
        }
    }
}
