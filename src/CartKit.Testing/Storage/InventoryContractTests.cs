using CartKit.Inventory;

namespace CartKit.Testing.Storage;

/// <summary>
/// What every <see cref="IInventory"/> must enforce: all-or-nothing reservations, idempotency on (cart id, cart
/// version), never below zero under concurrency, release and commit that happen once.
/// </summary>
public abstract class InventoryContractTests
{
    /// <summary>Creates an inventory for one test holding exactly the given stock.</summary>
    /// <param name="stock">The available units per sku.</param>
    /// <returns>The inventory.</returns>
    protected abstract Task<IInventory> CreateInventoryAsync(IReadOnlyDictionary<string, long> stock);

    [StorageFact]
    public async Task Reserve_TakesTheUnits_AndReleaseGivesThemBack()
    {
        var (inventory, sku) = await WithStockAsync(10);
        var cart = NewCartId();

        Assert.Empty(await inventory.ReserveAsync(Reservation(cart, 1, (sku, 3))));
        Assert.Equal(7, await AvailableAsync(inventory, sku));

        Assert.True(await inventory.ReleaseAsync(cart, 1));
        Assert.Equal(10, await AvailableAsync(inventory, sku));
    }

    [StorageFact]
    public async Task Reserve_Twice_ForOneCartVersion_HoldsTheUnitsOnce()
    {
        var (inventory, sku) = await WithStockAsync(10);
        var cart = NewCartId();

        Assert.Empty(await inventory.ReserveAsync(Reservation(cart, 1, (sku, 4))));
        Assert.Empty(await inventory.ReserveAsync(Reservation(cart, 1, (sku, 4))));

        Assert.Equal(6, await AvailableAsync(inventory, sku));
    }

    [StorageFact]
    public async Task Reserve_ShortOfOneSku_ReservesNothing_AndListsTheShortage()
    {
        var (inventory, plenty) = await WithStockAsync(10);
        var scarce = "scarce-" + Guid.NewGuid().ToString("N")[..8];
        await inventory.SetAvailableAsync(scarce, 2);

        var shortages = await inventory.ReserveAsync(Reservation(NewCartId(), 1, (plenty, 5), (scarce, 3)));

        Assert.Equal([new StockShortage(scarce, 3, 2)], shortages);
        Assert.Equal(10, await AvailableAsync(inventory, plenty));
        Assert.Equal(2, await AvailableAsync(inventory, scarce));
    }

    [StorageFact]
    public async Task Release_Twice_GivesTheUnitsBackOnce()
    {
        var (inventory, sku) = await WithStockAsync(5);
        var cart = NewCartId();
        await inventory.ReserveAsync(Reservation(cart, 1, (sku, 5)));

        Assert.True(await inventory.ReleaseAsync(cart, 1));
        Assert.False(await inventory.ReleaseAsync(cart, 1));

        Assert.Equal(5, await AvailableAsync(inventory, sku));
    }

    [StorageFact]
    public async Task Commit_KeepsTheUnitsSold_AndALaterReleaseDoesNothing()
    {
        var (inventory, sku) = await WithStockAsync(5);
        var cart = NewCartId();
        await inventory.ReserveAsync(Reservation(cart, 1, (sku, 2)));

        Assert.True(await inventory.CommitAsync(cart, 1));
        Assert.False(await inventory.CommitAsync(cart, 1));
        Assert.False(await inventory.ReleaseAsync(cart, 1));

        Assert.Equal(3, await AvailableAsync(inventory, sku));
    }

    [StorageFact]
    public async Task ReleaseOrCommit_OfAnUnknownReservation_DoesNothing()
    {
        var (inventory, sku) = await WithStockAsync(5);

        Assert.False(await inventory.ReleaseAsync(NewCartId(), 1));
        Assert.False(await inventory.CommitAsync(NewCartId(), 1));

        Assert.Equal(5, await AvailableAsync(inventory, sku));
    }

    [StorageFact]
    public async Task Reserve_AfterRelease_ReservesAgain()
    {
        var (inventory, sku) = await WithStockAsync(5);
        var cart = NewCartId();
        await inventory.ReserveAsync(Reservation(cart, 1, (sku, 2)));
        await inventory.ReleaseAsync(cart, 1);

        Assert.Empty(await inventory.ReserveAsync(Reservation(cart, 1, (sku, 2))));

        Assert.Equal(3, await AvailableAsync(inventory, sku));
    }

    [StorageFact]
    public async Task Reserve_OfAnUntrackedSku_AlwaysSucceeds()
    {
        var (inventory, _) = await WithStockAsync(1);
        var untracked = "untracked-" + Guid.NewGuid().ToString("N")[..8];

        Assert.Empty(await inventory.ReserveAsync(Reservation(NewCartId(), 1, (untracked, 1000))));

        Assert.Empty(await inventory.GetAvailableAsync([untracked]));
    }

    [StorageFact]
    public async Task ConcurrentReservations_OfTheLastUnits_NeverGoBelowZero()
    {
        var (inventory, sku) = await WithStockAsync(5);
        var carts = Enumerable.Range(0, 32).Select(_ => NewCartId()).ToArray();

        var results = await Task.WhenAll(carts.Select(cart => Task.Run(async () => await inventory.ReserveAsync(Reservation(cart, 1, (sku, 1))))));

        Assert.Equal(5, results.Count(r => r.Count == 0));
        Assert.All(results.Where(r => r.Count > 0), r => Assert.Equal(sku, Assert.Single(r).Sku));
        Assert.Equal(0, await AvailableAsync(inventory, sku));
    }

    [StorageFact]
    public async Task ListExpired_ReturnsHeldReservationsPastTheirExpiry_Only()
    {
        var (inventory, sku) = await WithStockAsync(10);
        string expired = NewCartId(), live = NewCartId(), released = NewCartId(), committed = NewCartId();
        await inventory.ReserveAsync(Reservation(expired, 1, (sku, 1)));
        await inventory.ReserveAsync(Reservation(live, 1, (sku, 1)) with { ExpiresAt = Samples.T0.AddHours(2) });
        await inventory.ReserveAsync(Reservation(released, 1, (sku, 1)));
        await inventory.ReserveAsync(Reservation(committed, 1, (sku, 1)));
        await inventory.ReleaseAsync(released, 1);
        await inventory.CommitAsync(committed, 1);

        var found = await inventory.ListExpiredAsync(Samples.T0.AddHours(1), limit: 100);

        var mine = Assert.Single(found, r => r.CartId is var id && (id == expired || id == live || id == released || id == committed));
        Assert.Equal(expired, mine.CartId);
        Assert.Equal([new StockLine(sku, 1)], mine.Lines);
    }

    [StorageFact]
    public async Task SetAvailable_ChangesTheUnitsNewReservationsCanTake()
    {
        var (inventory, sku) = await WithStockAsync(1);

        await inventory.SetAvailableAsync(sku, 3);

        Assert.Empty(await inventory.ReserveAsync(Reservation(NewCartId(), 1, (sku, 3))));
        Assert.Equal(0, await AvailableAsync(inventory, sku));
    }

    private async Task<(IInventory Inventory, string Sku)> WithStockAsync(long units)
    {
        var sku = "sku-" + Guid.NewGuid().ToString("N")[..8];
        return (await CreateInventoryAsync(new Dictionary<string, long>(StringComparer.Ordinal) { [sku] = units }), sku);
    }

    private static StockReservation Reservation(string cartId, long version, params (string Sku, long Quantity)[] lines) =>
        new(cartId, version, Samples.T0.AddMinutes(30)) { Lines = [.. lines.Select(l => new StockLine(l.Sku, l.Quantity))] };

    private static async Task<long> AvailableAsync(IInventory inventory, string sku) =>
        (await inventory.GetAvailableAsync([sku]))[sku];

    private static string NewCartId() => "cart-" + Guid.NewGuid().ToString("N");
}
