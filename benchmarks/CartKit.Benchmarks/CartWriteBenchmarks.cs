using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Checkout;
using CartKit.Domain;

namespace CartKit.Benchmarks;

/// <summary>
/// Cart edits through <c>ICartEngine</c> on a ten-line cart (session read, source-of-truth read and compare-and-swap
/// write, cache refresh), and a replayed checkout, each as a multiple of the cache-hit read of the same cart.
/// </summary>
[Config(typeof(BenchConfig))]
public class CartWriteBenchmarks : StackBenchmarks
{
    private const int CartLines = 10;

    private string _sessionId = null!;
    private string _itemId = null!;
    private string _sku = null!;
    private int _quantity = 1;

    [GlobalSetup]
    public void Setup()
    {
        // Adding one unit on every invocation must not run into the per-line limit during a run.
        CreateStack(maxQuantityPerLine: 1_000_000);
        (_sessionId, var cart) = Stack.NewCartAsync(CartLines).GetAwaiter().GetResult();
        _itemId = cart.Lines[0].ItemId;
        _sku = cart.Lines[1].Sku;
    }

    [GlobalSetup(Target = nameof(CheckoutReplayed))]
    public void SetupCheckout()
    {
        Setup();
        BenchStack.Require(Stack.Checkout.CheckoutAsync(_sessionId).AsTask().GetAwaiter().GetResult());
    }

    [Benchmark(Baseline = true)]
    public async Task<Cart> GetCart() => BenchStack.Require(await Stack.Carts.GetCartAsync(_sessionId));

    [Benchmark]
    public async Task<Cart> AddItem() => BenchStack.Require(await Stack.Carts.AddItemAsync(_sessionId, _sku, 1));

    /// <summary>Alternates the first line between 1 and 2 units, so every call is a real change.</summary>
    [Benchmark]
    public async Task<Cart> UpdateQuantity()
    {
        _quantity = 3 - _quantity;
        return BenchStack.Require(await Stack.Carts.SetQuantityAsync(_sessionId, _itemId, _quantity));
    }

    /// <summary>Checkout of an unchanged cart: returns the pending order the setup's checkout created.</summary>
    [Benchmark]
    public async Task<CheckoutOutcome> CheckoutReplayed()
    {
        var outcome = BenchStack.Require(await Stack.Checkout.CheckoutAsync(_sessionId));
        return outcome.Created ? throw new InvalidOperationException("A replayed checkout created an order.") : outcome;
    }
}
