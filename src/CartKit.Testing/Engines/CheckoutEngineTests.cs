using CartKit.Carts;
using CartKit.Checkout;
using CartKit.Domain;

namespace CartKit.Testing.Engines;

/// <summary>"One cart, many orders": snapshots, idempotency, superseding, payment and its repair.</summary>
public abstract class CheckoutEngineTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    [StorageFact]
    public async Task Checkout_SnapshotsTheCartIntoAPendingOrder()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 2);
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 1));

        var outcome = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session));

        Assert.True(outcome.Created);
        var order = outcome.Order;
        Assert.Equal(OrderStatus.PendingPayment, order.Status);
        Assert.Equal(cart.Id, order.CartId);
        Assert.Equal(cart.Version, order.CartVersion);
        Assert.Equal(cart.Lines, order.Lines);
        Assert.Equal(new Money(4499, Currency.USD), order.Total);
        Assert.Equal(22, order.Id.Length);
        Assert.Equal(order.Id, (await kit.OrderStore.GetAsync(order.Id))?.Id);
    }

    [StorageFact]
    public async Task Checkout_TwiceWithAnUnchangedCart_ReturnsTheSameOrder()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var first = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session));

        var second = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session));

        Assert.False(second.Created);
        Assert.Equal(first.Order.Id, second.Order.Id);
    }

    [StorageFact]
    public async Task Checkout_AfterTheCartChanged_SupersedesTheOldOrderWithANewOne()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var first = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        await kit.Carts.AddItemAsync(session, "SHIRT", 1);

        var second = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session));

        Assert.True(second.Created);
        Assert.NotEqual(first.Id, second.Order.Id);
        Assert.Equal(OrderStatus.Superseded, (await kit.OrderStore.GetAsync(first.Id))!.Status);
        Assert.Equal(2, second.Order.Lines.Count);

        // Money for the superseded order is kept on it for a refund, not dropped; the newer order stays payable.
        ResultAssert.Failure(await kit.Checkout.PayAsync(first, "pi_1"), CartKitErrorCode.PaymentConflict);
        var conflict = (await kit.OrderStore.GetAsync(first.Id))!;
        Assert.Equal(OrderStatus.PaymentConflict, conflict.Status);
        Assert.Equal("pi_1", conflict.PaymentReference);
        ResultAssert.Success(await kit.Checkout.PayAsync(second.Order, "pi_2"));
    }

    [StorageFact]
    public async Task TheCart_StaysIntactAndEditable_UntilPaymentIsConfirmed()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        await kit.Checkout.CheckoutAsync(session);

        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        Assert.Equal(CartStatus.Active, cart.Status);
        Assert.Equal(2, cart.ItemCount);
    }

    [StorageFact]
    public async Task Checkout_OfAnEmptyCart_IsRefused()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();

        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.CartEmpty);
        ResultAssert.Failure(await kit.Checkout.CheckoutAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), CartKitErrorCode.SessionNotFound);
    }

    [StorageFact]
    public async Task Checkout_AfterAPriceChange_RepricesTheCart_AndAsksFirst()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var before = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 2));
        kit.Catalog.SetPrice("MUG", 1400);

        var error = ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.PriceChanged);

        var change = Assert.Single(error.PriceChanges);
        Assert.Equal(new PriceChange(before.Lines[0].ItemId, "MUG", new Money(1250, Currency.USD), new Money(1400, Currency.USD)), change);
        var repriced = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(before.Version + 1, repriced.Version);
        Assert.Equal(2800, repriced.Total.Amount);
        Assert.Empty(await kit.OrderStore.ListByCartAsync(repriced.Id));

        // Checking out again accepts the new prices.
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        Assert.Equal(new Money(1400, Currency.USD), order.Lines[0].UnitPrice);
        Assert.Equal(2800, order.Total.Amount);
        Assert.Equal(repriced.Version, order.CartVersion);
    }

    [StorageFact]
    public async Task Checkout_ListsAProductThatBecameUnavailable_AndRemovesItsLine()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var before = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 1));
        kit.Catalog.SetAvailable("MUG", false);

        var error = ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.PriceChanged);

        var change = Assert.Single(error.PriceChanges);
        Assert.Equal("MUG", change.Sku);
        Assert.Equal(before.FindLine(change.ItemId)!.UnitPrice, change.PreviousUnitPrice);
        Assert.Null(change.UnitPrice);
        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(["SHIRT"], cart.Lines.Select(l => l.Sku));
        Assert.Empty(await kit.OrderStore.ListByCartAsync(cart.Id));
        Assert.Equal(["SHIRT"], ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order.Lines.Select(l => l.Sku));
    }

    [StorageFact]
    public async Task IdempotencyKey_ReturnsTheFirstResult_EvenAfterTheCartChanged()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var first = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session, "key-1"));
        await kit.Carts.AddItemAsync(session, "SHIRT", 1);

        var replay = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session, "key-1"));
        var fresh = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session, "key-2"));

        Assert.True(first.Created);
        Assert.False(replay.Created);
        Assert.Equal(first.Order.Id, replay.Order.Id);
        Assert.True(fresh.Created);
        Assert.NotEqual(first.Order.Id, fresh.Order.Id);
    }

    [StorageFact]
    public async Task IdempotencyKey_ForAnotherCart_IsRefused()
    {
        var kit = NewHarness();
        var a = await kit.NewSessionAsync();
        var b = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(a, "MUG", 1);
        await kit.Carts.AddItemAsync(b, "MUG", 1);
        await kit.Checkout.CheckoutAsync(a, "shared-key");

        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(b, "shared-key"), CartKitErrorCode.IdempotencyKeyReused);
    }

    [StorageFact]
    public async Task IdempotencyKey_WhoseFirstRequestIsStillRunning_IsAConflict()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        kit.Catalog.BeforeLookup = async () =>
        {
            entered.TrySetResult();
            await release.Task;
        };

        var first = Task.Run(async () => await kit.Checkout.CheckoutAsync(session, "key-1"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await kit.Checkout.CheckoutAsync(session, "key-1");
        release.SetResult();

        ResultAssert.Failure(second, CartKitErrorCode.IdempotencyKeyInProgress);
        Assert.True((await first).Value!.Created);
    }

    [StorageFact]
    public async Task IdempotencyKeys_ExpireAfterTheirLifetime()
    {
        var kit = NewHarness(o => o.IdempotencyKeyLifetime = TimeSpan.FromHours(24));
        var a = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(a, "MUG", 1);
        await kit.Checkout.CheckoutAsync(a, "key-1");

        kit.Time.Advance(TimeSpan.FromHours(24));
        var b = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(b, "MUG", 1);

        Assert.True(ResultAssert.Success(await kit.Checkout.CheckoutAsync(b, "key-1")).Created);
    }

    [StorageFact]
    public async Task ARefusedCheckout_FreesItsIdempotencyKey()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session, "key-1"), CartKitErrorCode.CartEmpty);
        await kit.Carts.AddItemAsync(session, "MUG", 1);

        Assert.True(ResultAssert.Success(await kit.Checkout.CheckoutAsync(session, "key-1")).Created);
    }

    [StorageTheory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\t")]
    [InlineData("ünïcode")]
    public async Task MalformedIdempotencyKeys_AreRefused(string key)
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);

        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session, key), CartKitErrorCode.Validation);
        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session, new string('k', 256)), CartKitErrorCode.Validation);
    }

    [StorageFact]
    public async Task ConfirmPayment_PaysTheOrder_AndCompletesTheCart_Idempotently()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        var paid = ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));
        var again = ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));

        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal("pi_1", paid.PaymentReference);
        Assert.Equal(kit.Time.GetUtcNow(), paid.PaidAt);
        Assert.Equal(paid.PaidAt, again.PaidAt);
        Assert.Equal(CartStatus.Completed, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Status);
        ResultAssert.Failure(await kit.Checkout.PayAsync(order, "pi_2"), CartKitErrorCode.OrderAlreadyPaid);
        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.CartCompleted);
    }

    [StorageTheory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", "pi_1", CartKitErrorCode.OrderNotFound)]
    [InlineData("../../orders", "pi_1", CartKitErrorCode.OrderNotFound)]
    [InlineData("{\"$ne\":null}", "pi_1", CartKitErrorCode.OrderNotFound)]
    public async Task ConfirmPayment_OfAnUnknownOrder_IsNotFound(string orderId, string reference, CartKitErrorCode expected)
    {
        var kit = NewHarness();

        ResultAssert.Failure(await kit.Checkout.ConfirmPaymentAsync(orderId, new PaymentConfirmation(reference, new Money(100, Currency.FromCode("USD")))), expected);
        ResultAssert.Failure(await kit.Checkout.GetOrderAsync(orderId), expected);
    }

    [StorageFact]
    public async Task ConfirmPayment_RefusesMalformedReferences()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        ResultAssert.Failure(await kit.Checkout.PayAsync(order, ""), CartKitErrorCode.Validation);
        ResultAssert.Failure(await kit.Checkout.PayAsync(order, new string('r', 201)), CartKitErrorCode.Validation);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderStore.GetAsync(order.Id))!.Status);
    }

    [StorageFact]
    public async Task AnOlderPendingOrder_CannotBePaid_AfterAnotherOrderOfTheCartWasPaid()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var v2 = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        var older = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        // A stale pending order that was never superseded (say, a crash right after inserting the newer one).
        var v3 = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        var newer = Samples.Order(v3) with { Id = "BBBBBBBBBBBBBBBBBBBBBB" };
        await kit.OrderStore.InsertAsync(newer);
        ResultAssert.Success(await kit.Checkout.PayAsync(newer, "pi_new"));

        ResultAssert.Failure(await kit.Checkout.PayAsync(older, "pi_old"), CartKitErrorCode.PaymentConflict);
        var conflict = (await kit.OrderStore.GetAsync(older.Id))!;
        Assert.Equal(OrderStatus.PaymentConflict, conflict.Status);
        Assert.Equal("pi_old", conflict.PaymentReference);
        Assert.Equal(v2.Id, older.CartId);
    }

    [StorageFact]
    public async Task APaymentInterruptedBeforeTheCartWasCompleted_IsRepairedOnTheNextRead()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        // The order was marked paid, then the process died before completing the cart.
        await kit.OrderStore.MarkPaidAsync(order.Id, "pi_1", kit.Time.GetUtcNow());
        Assert.Equal(CartStatus.Active, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Status);

        ResultAssert.Success(await kit.Checkout.GetOrderAsync(order.Id));

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(CartStatus.Completed, cart.Status);
        Assert.Equal(order.Id, cart.CompletedByOrderId);
    }

    [StorageFact]
    public async Task APaymentInterruptedBeforeTheCartWasCompleted_IsRepairedByConfirmingAgain()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        await kit.OrderStore.MarkPaidAsync(order.Id, "pi_1", kit.Time.GetUtcNow());

        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));

        Assert.Equal(CartStatus.Completed, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Status);
        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.CartCompleted);
    }

    [StorageFact]
    public async Task AUsersOrder_IsVisibleOnlyToThatUser()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync("user-1");
        var caller = new CartCaller(session, "user-1");
        await kit.Carts.AddItemAsync(caller, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(caller)).Order;

        ResultAssert.Success(await kit.Checkout.GetOrderAsync(order.Id, "user-1"));
        ResultAssert.Failure(await kit.Checkout.GetOrderAsync(order.Id, "user-2"), CartKitErrorCode.OrderNotFound);
        ResultAssert.Failure(await kit.Checkout.GetOrderAsync(order.Id), CartKitErrorCode.OrderNotFound);
    }

    [StorageFact]
    public async Task ThirtyTwoParallelCheckouts_OfOneCart_CreateExactlyOneOrder()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () => ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)))));

        Assert.Single(outcomes, o => o.Created);
        Assert.Single(outcomes.Select(o => o.Order.Id).Distinct(StringComparer.Ordinal));
        Assert.Single(await kit.OrderStore.ListByCartAsync(cart.Id));
    }

    [StorageFact]
    public async Task ParallelCheckouts_FromTwoProcesses_CreateExactlyOneOrder()
    {
        var first = NewHarness();
        var second = AnotherInstanceOf(first);
        var session = await first.NewSessionAsync();
        var cart = ResultAssert.Success(await first.Carts.AddItemAsync(session, "MUG", 1));

        // Each process holds its own checkout lock, so only the order store's uniqueness can keep this to one order.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
            ResultAssert.Success(await (i % 2 == 0 ? first : second).Checkout.CheckoutAsync(session)))));

        Assert.Single(outcomes.Select(o => o.Order.Id).Distinct(StringComparer.Ordinal));
        Assert.Single(outcomes, o => o.Created);
        Assert.Single(await first.OrderStore.ListByCartAsync(cart.Id));
    }

    [StorageFact]
    public async Task ParallelPaymentsOfTwoOrdersOfOneCart_PayExactlyOne()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var older = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        var v3 = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        var newer = Samples.Order(v3) with { Id = "CCCCCCCCCCCCCCCCCCCCCC" };
        await kit.OrderStore.InsertAsync(newer);

        var results = await Task.WhenAll(
            Task.Run(async () => await kit.Checkout.PayAsync(older, "pi_a")),
            Task.Run(async () => await kit.Checkout.PayAsync(newer, "pi_b")));

        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Error?.Code == CartKitErrorCode.PaymentConflict);
        var cart = (await kit.CartStore.GetAsync(older.CartId))!;
        Assert.Equal(results.Single(r => r.Succeeded).Value!.Id, cart.CompletedByOrderId);
    }
}
