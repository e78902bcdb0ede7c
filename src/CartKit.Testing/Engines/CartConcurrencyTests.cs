using CartKit.Carts;
using CartKit.Domain;
using CartKit.Pricing;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Testing.Engines;

/// <summary>Concurrent writers, in one process and across processes sharing the source of truth.</summary>
public abstract class CartConcurrencyTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    // Long enough for a slow store; only reached when a writer is wrongly held up.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [StorageFact]
    public async Task AnAdjustmentStillPricing_DoesNotHoldUpAnotherWriterOfTheSameCart()
    {
        var gate = new PricingGate();
        var kit = NewHarnessWith(b => b.AddCartAdjustment<GatedUnitDiscount>().Services.AddSingleton(gate));
        var session = await kit.NewSessionAsync();

        var parked = await StartParkedAddAsync(kit, gate, session, "MUG");
        try
        {
            // Same cart, same process, while the first write's host pricing code is still running.
            var other = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 2).AsTask().WaitAsync(Patience));

            Assert.Equal(2, other.Version);
            Assert.False(parked.IsCompleted);
        }
        finally
        {
            gate.Release();
        }

        ResultAssert.Success(await parked);
    }

    [StorageFact]
    public async Task AWriteWhoseCartChangedWhileItWasPricing_IsPricedAgainFromTheNewLines()
    {
        var gate = new PricingGate();
        var kit = NewHarnessWith(b => b.AddCartAdjustment<GatedUnitDiscount>().Services.AddSingleton(gate));
        var session = await kit.NewSessionAsync();
        var parked = await StartParkedAddAsync(kit, gate, session, "MUG");
        try
        {
            ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 2).AsTask().WaitAsync(Patience));
        }
        finally
        {
            gate.Release();
        }

        var cart = ResultAssert.Success(await parked);

        // Nothing lost, and the adjustment was computed for the lines that were stored, not the ones it first saw.
        Assert.Equal(3, cart.Version);
        Assert.Equal(new[] { ("SHIRT", 2), ("MUG", 1) }, cart.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(new AdjustmentLine(GatedUnitDiscount.Name, new Money(-3, Currency.USD)), Assert.Single(cart.Adjustments));
        Assert.Equal(cart.Lines, gate.LastPriced);
        Assert.Equal(cart.Adjustments, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Adjustments);
    }

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
    public async Task AWriteThatLostWhilePricing_IsPricedUnderTheLock_SoTheNextWriterQueuesBehindIt()
    {
        // Writers of one cart in one process that kept pricing outside the lock could keep invalidating each other's
        // pricing and run out of attempts; one that lost once prices under the lock, and a newer writer waits for it.
        var gate = new PricingGate();
        var kit = NewHarnessWith(b => b.AddCartAdjustment<GatedUnitDiscount>().Services.AddSingleton(gate));
        var session = await kit.NewSessionAsync();
        var parked = await StartParkedAddAsync(kit, gate, session, "MUG");
        ResultAssert.Success(await kit.Carts.AddItemAsync(session, "CAP", 1));

        gate.ReleaseAndHoldNext();
        await gate.Entered.Task.WaitAsync(Patience);
        var queued = Task.Run(async () => await kit.Carts.AddItemAsync(session, "SHIRT", 1));

        // Give the newer writer time to write if it could (it must not): then let the retried pricing finish.
        await Task.WhenAny(queued, Task.Delay(TimeSpan.FromSeconds(1)));
        gate.Release();

        var retried = ResultAssert.Success(await parked.WaitAsync(Patience));
        var next = ResultAssert.Success(await queued.WaitAsync(Patience));
        Assert.Equal(3, retried.Version);
        Assert.Equal(4, next.Version);
        Assert.Equal(new AdjustmentLine(GatedUnitDiscount.Name, new Money(-3, Currency.USD)), Assert.Single(next.Adjustments));
    }

    [StorageFact]
    public async Task SixtyFourParallelAdds_WithAPricingStep_AllSucceed_AndThePriceFollowsTheFinalLines()
    {
        var kit = NewHarnessWith(b => b.AddCartAdjustment<GatedUnitDiscount>().Services.AddSingleton(new PricingGate()));
        var session = await kit.NewSessionAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () => await kit.Carts.AddItemAsync(session, "MUG", 1))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(64, cart.Lines.Single().Quantity);
        Assert.Equal(new AdjustmentLine(GatedUnitDiscount.Name, new Money(-64, Currency.USD)), Assert.Single(cart.Adjustments));
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

    // Adds one unit of the sku with the gate armed, and returns once that add's pricing is parked at the gate.
    private static async Task<Task<CartKitResult<Cart>>> StartParkedAddAsync(CartKitHarness kit, PricingGate gate, string session, string sku)
    {
        gate.HoldNext();
        var parked = Task.Run(async () => await kit.Carts.AddItemAsync(session, sku, 1));
        await gate.Entered.Task.WaitAsync(Patience);
        return parked;
    }

    private sealed class PricingGate
    {
        private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<LineItem>? LastPriced { get; private set; }

        public void HoldNext() => Volatile.Write(ref _armed, 1);

        public void Release() => _release.TrySetResult();

        // Lets the parked pricing go on, with the gate already armed again for the pricing after it.
        public void ReleaseAndHoldNext()
        {
            var parked = _release;
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
            HoldNext();
            parked.TrySetResult();
        }

        public async ValueTask PassAsync(IReadOnlyList<LineItem> lines)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                var release = _release;
                Entered.TrySetResult();
                await release.Task;
            }

            LastPriced = lines;
        }
    }

    // A discount of one minor unit per unit in the cart; the first pricing after HoldNext waits at the gate.
    private sealed class GatedUnitDiscount(PricingGate gate) : ICartAdjustment
    {
        public const string Name = "Unit discount";

        public async ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
        {
            await gate.PassAsync(context.Lines);
            context.Add(Name, -context.Lines.Sum(l => (long)l.Quantity));
        }
    }
}
