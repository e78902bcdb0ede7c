using CartKit.Carts;

namespace CartKit.Testing.Engines;

/// <summary>Concurrent writers, in one process and across processes sharing the source of truth.</summary>
public abstract class CartConcurrencyTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    [StorageFact]
    public async Task SixtyFourParallelAdds_OfOneUnit_EndWithQuantity64()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await kit.Carts.AddItemAsync(session, "MUG", 1))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(64, cart.Lines.Single().Quantity);
        Assert.Equal(65, cart.Version);
        Assert.Equal(Enumerable.Range(2, 64).Select(v => (long)v), results.Select(r => r.Value!.Version).Order());
    }

    [StorageFact]
    public async Task ParallelAdds_FromTwoProcesses_LoseNothing()
    {
        var first = NewHarness(o => o.MaxWriteAttempts = 50);
        var second = AnotherInstanceOf(first);
        var session = await first.NewSessionAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? first : second).Carts.AddItemAsync(session, "MUG", 1))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(32, ResultAssert.Success(await second.Carts.GetCartAsync(session)).Lines.Single().Quantity);
    }

    [StorageFact]
    public async Task ParallelAddsOfDifferentProducts_KeepEveryLine()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var skus = new[] { "MUG", "SHIRT", "CAP", "STICKER" };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () => await kit.Carts.AddItemAsync(session, skus[i % 4], 1))));

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(skus.Order(), cart.Lines.Select(l => l.Sku).Order());
        Assert.All(cart.Lines, l => Assert.Equal(10, l.Quantity));
    }

    [StorageFact]
    public async Task ConcurrentAttachesAndAdds_DuringAMerge_NeverLoseALine()
    {
        var kit = NewHarness(o => o.MaxWriteAttempts = 50);
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "SHIRT", 1);
        var asUser = new CartCaller(guest, "user-1");

        var work = Enumerable.Range(0, 4).Select(_ => Task.Run(async () => (await kit.Carts.AttachUserAsync(guest, "user-1")).Succeeded))
            .Concat(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => (await kit.Carts.AddItemAsync(asUser, "CAP", 1)).Succeeded)))
            .Concat(Enumerable.Range(0, 4).Select(_ => Task.Run(async () => (await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "STICKER", 1)).Succeeded)));
        Assert.All(await Task.WhenAll(work), Assert.True);

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(asUser));
        Assert.Equal(
            new[] { ("CAP", 8), ("MUG", 1), ("SHIRT", 1), ("STICKER", 4) },
            cart.Lines.Select(l => (l.Sku, l.Quantity)).OrderBy(l => l.Sku, StringComparer.Ordinal));
    }

    [StorageFact]
    public async Task TwoGuestSessionsSigningInAtOnce_EndInOneCartWithAllLines()
    {
        var kit = NewHarness(o => o.MaxWriteAttempts = 50);
        var sessions = new List<string>();
        foreach (var sku in new[] { "MUG", "SHIRT", "CAP" })
        {
            var session = await kit.NewSessionAsync();
            await kit.Carts.AddItemAsync(session, sku, 2);
            sessions.Add(session);
        }

        var attached = await Task.WhenAll(sessions.Select(s => Task.Run(async () => await kit.Carts.AttachUserAsync(s, "user-1"))));
        Assert.All(attached, r => Assert.True(r.Succeeded, r.ToString()));

        var final = ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(sessions[0], "user-1")));
        foreach (var session in sessions)
        {
            Assert.Equal(final.Id, ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(session, "user-1"))).Id);
        }

        Assert.Equal(new[] { ("CAP", 2), ("MUG", 2), ("SHIRT", 2) }, final.Lines.Select(l => (l.Sku, l.Quantity)).OrderBy(l => l.Sku, StringComparer.Ordinal));
        Assert.Equal(final.Id, (await kit.CartStore.FindActiveByUserAsync("user-1"))?.Id);
    }
}
