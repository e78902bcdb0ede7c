using CartKit.Carts;
using CartKit.Checkout;
using CartKit.Domain;

namespace CartKit.Testing.Engines;

/// <summary>
/// The order lifecycle: expiry, cancellation, verified payments, money that arrives too late, lines added after
/// checkout, and at most one payable order per cart whatever the interleaving.
/// </summary>
/// <typeparam name="TStorage">The storage profile.</typeparam>
public abstract class OrderLifecycleTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);

    [StorageFact]
    public async Task APendingOrder_ExpiresAfterItsTtl_AndCannotBePaid()
    {
        var kit = NewHarness(o => o.PendingOrderTtl = Ttl);
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        Assert.Equal(order.CreatedAt + Ttl, order.ExpiresAt);

        kit.Time.Advance(Ttl);

        Assert.Equal(OrderStatus.Expired, ResultAssert.Success(await kit.Checkout.GetOrderAsync(order.Id)).Status);
        ResultAssert.Failure(await kit.Checkout.PayAsync(order, "pi_late"), CartKitErrorCode.PaymentConflict);
        var kept = (await kit.OrderStore.GetAsync(order.Id))!;
        Assert.Equal(OrderStatus.PaymentConflict, kept.Status);
        Assert.Equal("pi_late", kept.PaymentReference);
        Assert.Equal(CartStatus.Active, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Status);
    }

    [StorageFact]
    public async Task CheckingOutAgain_AfterExpiry_CreatesANewOrder_PricedAgain()
    {
        var kit = NewHarness(o => o.PendingOrderTtl = Ttl);
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var first = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        kit.Time.Advance(Ttl + TimeSpan.FromSeconds(1));

        var second = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session));

        Assert.True(second.Created);
        Assert.NotEqual(first.Id, second.Order.Id);
        Assert.True(second.Order.CartVersion > first.CartVersion);
        Assert.Equal(kit.Time.GetUtcNow() + Ttl, second.Order.ExpiresAt);
        ResultAssert.Success(await kit.Checkout.PayAsync(second.Order, "pi_1"));
    }

    [StorageFact]
    public async Task TheShopper_CancelsAPendingOrder_AndCanCheckOutAgain()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        var cancelled = ResultAssert.Success(await kit.Checkout.CancelOrderAsync(session, order.Id));

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(kit.Time.GetUtcNow(), cancelled.ClosedAt);
        Assert.Equal(OrderStatus.Cancelled, ResultAssert.Success(await kit.Checkout.CancelOrderAsync(session, order.Id)).Status);
        var next = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session));
        Assert.True(next.Created);
        ResultAssert.Failure(await kit.Checkout.PayAsync(order, "pi_old"), CartKitErrorCode.PaymentConflict);
        ResultAssert.Success(await kit.Checkout.PayAsync(next.Order, "pi_new"));
    }

    [StorageFact]
    public async Task OnlyTheSessionHoldingTheCart_CanCancelItsOrder()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var stranger = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        var user = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(user, "user-1"), "MUG", 1);
        var usersOrder = ResultAssert.Success(await kit.Checkout.CheckoutAsync(new CartCaller(user, "user-1"))).Order;

        ResultAssert.Failure(await kit.Checkout.CancelOrderAsync(stranger, order.Id), CartKitErrorCode.OrderNotFound);
        ResultAssert.Failure(await kit.Checkout.CancelOrderAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", order.Id), CartKitErrorCode.SessionNotFound);
        ResultAssert.Failure(await kit.Checkout.CancelOrderAsync(session, "not-an-order-id"), CartKitErrorCode.OrderNotFound);
        ResultAssert.Failure(await kit.Checkout.CancelOrderAsync(new CartCaller(stranger, "user-2"), usersOrder.Id), CartKitErrorCode.OrderNotFound);
        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderStore.GetAsync(order.Id))!.Status);
        Assert.Equal(OrderStatus.Cancelled, ResultAssert.Success(await kit.Checkout.CancelOrderAsync(new CartCaller(user, "user-1"), usersOrder.Id)).Status);
    }

    [StorageFact]
    public async Task Cancel_IsRefused_ForPaidExpiredAndSupersededOrders()
    {
        var kit = NewHarness(o => o.PendingOrderTtl = Ttl);
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var superseded = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var expiring = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        ResultAssert.Failure(await kit.Checkout.CancelOrderAsync(session, superseded.Id), CartKitErrorCode.OrderSuperseded);
        kit.Time.Advance(Ttl);
        ResultAssert.Failure(await kit.Checkout.CancelOrderAsync(session, expiring.Id), CartKitErrorCode.OrderExpired);

        var paid = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        ResultAssert.Success(await kit.Checkout.PayAsync(paid, "pi_1"));
        ResultAssert.Failure(await kit.Checkout.CancelOrderAsync(session, paid.Id), CartKitErrorCode.OrderNotCancellable);
        Assert.Equal(OrderStatus.Paid, (await kit.OrderStore.GetAsync(paid.Id))!.Status);
    }

    [StorageFact]
    public async Task APayment_MustMatchTheOrdersTotal_AndCurrency()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 2);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        var tooLittle = new PaymentConfirmation("pi_1", order.Total - new Money(1, Currency.USD));
        var otherCurrency = new PaymentConfirmation("pi_1", new Money(order.Total.Amount, Currency.EUR));
        ResultAssert.Failure(await kit.Checkout.ConfirmPaymentAsync(order.Id, tooLittle), CartKitErrorCode.PaymentMismatch);
        ResultAssert.Failure(await kit.Checkout.ConfirmPaymentAsync(order.Id, otherCurrency), CartKitErrorCode.PaymentMismatch);

        Assert.Equal(OrderStatus.PendingPayment, (await kit.OrderStore.GetAsync(order.Id))!.Status);
        Assert.Equal(CartStatus.Active, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Status);
        Assert.Equal(OrderStatus.Paid, ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1")).Status);
    }

    [StorageFact]
    public async Task LinesAddedAfterCheckout_SurviveThePayment_InANewActiveCart()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        await kit.Carts.AddItemAsync(session, "MUG", 2);
        await kit.Carts.AddItemAsync(session, "SHIRT", 1);

        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));

        var completed = (await kit.CartStore.GetAsync(order.CartId))!;
        Assert.Equal(CartStatus.Completed, completed.Status);
        Assert.Equal(order.Id, completed.CompletedByOrderId);
        var next = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(completed.RemainderCartId, next.Id);
        Assert.Equal(CartStatus.Active, next.Status);
        Assert.Equal([("MUG", 2), ("SHIRT", 1)], next.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal((2 * 1250) + 1999, next.Total.Amount);

        // The new cart is the shopper's as any other: it can be edited, checked out and paid.
        ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        var second = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        ResultAssert.Success(await kit.Checkout.PayAsync(second, "pi_2"));
    }

    [StorageFact]
    public async Task APaymentCompletingTheCart_WithNothingAddedAfter_LeavesNoRemainder()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 2);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        await kit.Carts.SetQuantityAsync(session, order.Lines[0].ItemId, 1);

        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(CartStatus.Completed, cart.Status);
        Assert.Null(cart.RemainderCartId);
    }

    [StorageFact]
    public async Task ARemainderSkippedByACrash_IsCreatedWhenTheSessionNextReadsTheCart()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 1));

        // The payment marked the order paid and completed the cart, then the process died.
        await kit.OrderStore.MarkPaidAsync(order.Id, "pi_1", kit.Time.GetUtcNow());
        var completed = Samples.Next(cart, c => c with
        {
            Status = CartStatus.Completed,
            CompletedByOrderId = order.Id,
            RemainderCartId = "RRRRRRRRRRRRRRRRRRRRRR",
        });
        await kit.CartStore.ReplaceAsync(completed, cart.Version);

        var next = ResultAssert.Success(await kit.Carts.GetCartAsync(session));

        Assert.Equal("RRRRRRRRRRRRRRRRRRRRRR", next.Id);
        Assert.Equal(["SHIRT"], next.Lines.Select(l => l.Sku));
    }

    [StorageFact]
    public async Task PaymentRacingEdits_LosesNoUnitTheShopperAdded()
    {
        var kit = NewHarness();
        for (var round = 0; round < 8; round++)
        {
            var session = await kit.NewSessionAsync();
            await kit.Carts.AddItemAsync(session, "MUG", 1);
            var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

            var adds = Enumerable.Range(0, 4).Select(_ => Task.Run(async () => await kit.Carts.AddItemAsync(session, "SHIRT", 1))).ToArray();
            var pay = Task.Run(async () => await kit.Checkout.PayAsync(order, "pi_" + round));
            await Task.WhenAll([.. adds, pay]);

            ResultAssert.Success(pay.Result);
            var accepted = adds.Count(a => a.Result.Succeeded);
            Assert.All(adds.Where(a => !a.Result.Succeeded), a => Assert.Equal(CartKitErrorCode.CartCompleted, a.Result.Error!.Code));
            var reachable = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
            var shirts = reachable.Lines.Where(l => l.Sku == "SHIRT").Sum(l => l.Quantity);
            Assert.Equal(accepted, shirts);
        }
    }

    [StorageFact]
    public async Task PaymentRacingCancel_EitherPaysOrKeepsTheMoney()
    {
        var kit = NewHarness();
        for (var round = 0; round < 10; round++)
        {
            var session = await kit.NewSessionAsync();
            await kit.Carts.AddItemAsync(session, "MUG", 1);
            var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

            var pay = Task.Run(async () => await kit.Checkout.PayAsync(order, "pi_1"));
            var cancel = Task.Run(async () => await kit.Checkout.CancelOrderAsync(session, order.Id));
            await Task.WhenAll(pay, cancel);

            var final = (await kit.OrderStore.GetAsync(order.Id))!;
            if (pay.Result.Succeeded)
            {
                Assert.Equal(OrderStatus.Paid, final.Status);
                ResultAssert.Failure(cancel.Result, CartKitErrorCode.OrderNotCancellable);
            }
            else
            {
                ResultAssert.Failure(pay.Result, CartKitErrorCode.PaymentConflict);
                Assert.Equal(OrderStatus.PaymentConflict, final.Status);
                Assert.Equal("pi_1", final.PaymentReference);
                ResultAssert.Success(cancel.Result);
            }
        }
    }

    [StorageFact]
    public async Task PaymentRacingANewCheckout_FulfilsAtMostOneOrder_AndLosesNoMoney()
    {
        var kit = NewHarness();
        for (var round = 0; round < 10; round++)
        {
            var session = await kit.NewSessionAsync();
            await kit.Carts.AddItemAsync(session, "MUG", 1);
            var older = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
            await kit.Carts.AddItemAsync(session, "SHIRT", 1);

            var pay = Task.Run(async () => await kit.Checkout.PayAsync(older, "pi_1"));
            var checkout = Task.Run(async () => await kit.Checkout.CheckoutAsync(session));
            await Task.WhenAll(pay, checkout);

            var orders = await kit.OrderStore.ListByCartAsync(older.CartId);
            Assert.True(orders.Count(o => o.Status == OrderStatus.Paid) <= 1);
            if (pay.Result.Succeeded)
            {
                Assert.DoesNotContain(orders, o => o.Status == OrderStatus.PendingPayment);
            }
            else
            {
                ResultAssert.Failure(pay.Result, CartKitErrorCode.PaymentConflict);
                Assert.Equal(OrderStatus.PaymentConflict, orders.Single(o => o.Id == older.Id).Status);
                Assert.Single(orders, o => o.Status == OrderStatus.PendingPayment);
            }
        }
    }

    [StorageFact]
    public async Task CheckoutsRacingEdits_NeverLeaveTwoPayableOrders()
    {
        var kit = NewHarness();
        var other = AnotherInstanceOf(kit);

        // Catalog lookups (every add, every checkout's pricing) take a moment, as a remote catalog's would: a checkout
        // that resolved the cart before waiting can then finish after a newer checkout, the interleaving to survive.
        kit.Catalog.BeforeLookup = () => Task.Delay(Random.Shared.Next(0, 3));
        for (var round = 0; round < 6; round++)
        {
            var session = await kit.NewSessionAsync();
            await kit.Carts.AddItemAsync(session, "MUG", 1);

            var work = new List<Task>();
            for (var i = 0; i < 16; i++)
            {
                var instance = i % 2 == 0 ? kit : other;
                work.Add(Task.Run(async () => await instance.Checkout.CheckoutAsync(session)));
                work.Add(Task.Run(async () => await instance.Carts.AddItemAsync(session, i % 3 == 0 ? "SHIRT" : "MUG", 1)));
            }

            await Task.WhenAll(work);

            var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
            var pending = (await kit.OrderStore.ListByCartAsync(cart.Id)).Where(o => o.Status == OrderStatus.PendingPayment).ToList();
            Assert.True(pending.Count <= 1, $"Round {round}: pending orders at cart versions {string.Join(", ", pending.Select(o => o.CartVersion))}.");
        }
    }
}
