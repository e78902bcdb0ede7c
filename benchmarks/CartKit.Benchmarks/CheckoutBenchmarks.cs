using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Checkout;

namespace CartKit.Benchmarks;

/// <summary>
/// A checkout that creates its order (lock, pricing, order insert, supersede check) against a replayed one, each on
/// a ten-line cart. A new order needs a cart never checked out, so every iteration first prepares one per invocation.
/// </summary>
[Config(typeof(PreparedInvocationsConfig))]
public class CheckoutBenchmarks : StackBenchmarks
{
    private const int CartsPerIteration = PreparedInvocationsConfig.InvocationsPerIteration;
    private const int CartLines = 10;

    private readonly Queue<string> _fresh = new();
    private string _checkedOut = null!;

    [GlobalSetup]
    public void Setup()
    {
        CreateStack();
        (_checkedOut, _) = Stack.NewCartAsync(CartLines).GetAwaiter().GetResult();
        BenchStack.Require(Stack.Checkout.CheckoutAsync(_checkedOut).AsTask().GetAwaiter().GetResult());
    }

    [IterationSetup(Target = nameof(CheckoutNew))]
    public void PrepareCarts()
    {
        _fresh.Clear();
        for (var i = 0; i < CartsPerIteration; i++)
        {
            _fresh.Enqueue(Stack.NewCartAsync(CartLines).GetAwaiter().GetResult().SessionId);
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<CheckoutOutcome> CheckoutReplayed()
    {
        var outcome = BenchStack.Require(await Stack.Checkout.CheckoutAsync(_checkedOut));
        return outcome.Created ? throw new InvalidOperationException("A replayed checkout created an order.") : outcome;
    }

    [Benchmark]
    public async Task<CheckoutOutcome> CheckoutNew()
    {
        var outcome = BenchStack.Require(await Stack.Checkout.CheckoutAsync(_fresh.Dequeue()));
        return outcome.Created ? outcome : throw new InvalidOperationException("A first checkout did not create an order.");
    }
}
