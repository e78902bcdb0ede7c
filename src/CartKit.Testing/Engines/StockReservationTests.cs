using System.Diagnostics;
using CartKit.Domain;
using CartKit.Inventory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CartKit.Testing.Engines;

/// <summary>
/// Stock reservation through checkout: the last units go to exactly as many orders as they cover, whatever the race;
/// a short checkout creates nothing and holds nothing; units come back when orders are superseded, cancelled or
/// expire (the expiry sweep), and stay sold when paid. Two "processes" share the order store and the inventory.
/// </summary>
/// <typeparam name="TStorage">The storage profile.</typeparam>
public abstract class StockReservationTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(10);

    [StorageFact]
    public async Task ThirtyTwoCarts_RacingForTheLastFiveUnits_MakeFiveOrders_AndTheUnitsComeBackAfterCancelAndExpiry()
    {
        var (kit, other, inventory) = Start(("MUG", 5));
        var sessions = new List<(CartKitHarness Kit, string Session)>();
        for (var i = 0; i < 32; i++)
        {
            var process = i % 2 == 0 ? kit : other;
            var session = await process.NewSessionAsync();
            ResultAssert.Success(await process.Carts.AddItemAsync(session, "MUG", 1));
            sessions.Add((process, session));
        }

        var results = await Task.WhenAll(sessions.Select(s => Task.Run(async () => (s, Result: await s.Kit.Checkout.CheckoutAsync(s.Session)))));

        var won = results.Where(r => r.Result.Succeeded).ToArray();
        Assert.Equal(5, won.Length);
        Assert.All(won, r => Assert.True(ResultAssert.Success(r.Result).Created));
        var refused = results.Where(r => !r.Result.Succeeded).ToArray();
        Assert.Equal(27, refused.Length);
        Assert.All(refused, r =>
        {
            var error = ResultAssert.Failure(r.Result, CartKitErrorCode.InsufficientStock);
            Assert.Equal(new StockShortage("MUG", 1, 0), Assert.Single(error.StockShortages));
        });
        foreach (var (s, _) in refused)
        {
            Assert.Empty(await kit.OrderStore.ListByCartAsync(ResultAssert.Success(await s.Kit.Carts.GetCartAsync(s.Session)).Id));
        }

        Assert.Equal(0, await AvailableAsync(inventory, "MUG"));

        // Two shoppers cancel: their units are back at once.
        foreach (var (s, result) in won.Take(2))
        {
            ResultAssert.Success(await s.Kit.Checkout.CancelOrderAsync(s.Session, ResultAssert.Success(result).Order.Id));
        }

        Assert.Equal(2, await AvailableAsync(inventory, "MUG"));

        // The other three expire unpaid: the sweep (of either process) closes them and gives their units back.
        kit.Time.Advance(Ttl);
        await SweepUntilAsync(kit, inventory, "MUG", 5);
        foreach (var (_, result) in won.Skip(2))
        {
            Assert.Equal(OrderStatus.Expired, (await kit.OrderStore.GetAsync(ResultAssert.Success(result).Order.Id))!.Status);
        }
    }

    [StorageFact]
    public async Task AShortCheckout_CreatesNoOrder_AndHoldsNothing()
    {
        var (kit, _, inventory) = Start(("MUG", 5), ("CAP", 1));
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 2);
        await kit.Carts.AddItemAsync(session, "CAP", 3);

        var refused = ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.InsufficientStock);

        Assert.Equal([new StockShortage("CAP", 3, 1)], refused.StockShortages);
        Assert.Equal(5, await AvailableAsync(inventory, "MUG"));
        Assert.Equal(1, await AvailableAsync(inventory, "CAP"));
        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Empty(await kit.OrderStore.ListByCartAsync(cart.Id));
    }

    [StorageFact]
    public async Task APaidOrder_KeepsItsUnits_AfterItsExpiryPasses()
    {
        var (kit, _, inventory) = Start(("MUG", 3));
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 2);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));
        kit.Time.Advance(Ttl);
        await SweepAsync(kit);

        Assert.Equal(1, await AvailableAsync(inventory, "MUG"));
        Assert.Empty(await inventory.ListExpiredAsync(kit.Time.GetUtcNow(), 10));
    }

    [StorageFact]
    public async Task CheckingOutAChangedCart_ReleasesTheSupersededOrdersUnits()
    {
        var (kit, _, inventory) = Start(("MUG", 5));
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 2);
        var first = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        Assert.Equal(3, await AvailableAsync(inventory, "MUG"));

        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var second = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        Assert.Equal(OrderStatus.Superseded, (await kit.OrderStore.GetAsync(first.Id))!.Status);
        Assert.Equal(3, second.Lines.Sum(l => l.Quantity));
        Assert.Equal(2, await AvailableAsync(inventory, "MUG"));
    }

    [StorageFact]
    public async Task AReservationWhoseProcessDiedBeforeTheInsert_IsReleasedByTheSweep()
    {
        var (kit, _, inventory) = Start(("MUG", 4));
        var orphan = new StockReservation("cart-died", 1, kit.Time.GetUtcNow() + Ttl) { Lines = [new StockLine("MUG", 3)] };
        Assert.Empty(await inventory.ReserveAsync(orphan));

        kit.Time.Advance(Ttl);
        await SweepUntilAsync(kit, inventory, "MUG", 4);
    }

    private (CartKitHarness Kit, CartKitHarness Other, IInventory Inventory) Start(params (string Sku, long Units)[] stock)
    {
        IInventory? shared = null;
        var kit = NewHarnessWith(
            b =>
            {
                if (shared is null)
                {
                    b.UseInMemoryInventory(stock.Select(s => KeyValuePair.Create(s.Sku, s.Units)));
                }
                else
                {
                    b.UseInventory(shared);
                }
            },
            o =>
            {
                o.PendingOrderTtl = Ttl;
                o.OrderExpiryScanInterval = ScanInterval;
            });
        shared = kit.Services.GetRequiredService<IInventory>();
        return (kit, AnotherInstanceOf(kit), shared);
    }

    private static async Task<long> AvailableAsync(IInventory inventory, string sku) =>
        (await inventory.GetAvailableAsync([sku]))[sku];

    // Starts the process's hosted services (the expiry worker) and moves its clock on by one scan interval per try.
    private static async Task SweepUntilAsync(CartKitHarness kit, IInventory inventory, string sku, long expected)
    {
        await StartWorkersAsync(kit);
        var waited = Stopwatch.StartNew();
        while (await AvailableAsync(inventory, sku) != expected)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"The expiry worker did not bring {sku} back to {expected} units.");
            kit.Time.Advance(ScanInterval);
            await Task.Delay(20);
        }
    }

    private static async Task SweepAsync(CartKitHarness kit)
    {
        await StartWorkersAsync(kit);
        for (var i = 0; i < 3; i++)
        {
            kit.Time.Advance(ScanInterval);
            await Task.Delay(50);
        }
    }

    private static async Task StartWorkersAsync(CartKitHarness kit)
    {
        foreach (var service in kit.Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }
}
