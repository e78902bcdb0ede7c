using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Checkout;

namespace CartKit.Benchmarks;

/// <summary>
/// A checkout that creates its order (lock, pricing, order insert, supersede check) against a replayed one, each on
/// a ten-line cart. A new order needs a cart never checked out, so every iteration first prepares one per invocation.
/// </summary>
[Config(typeof(PreparedInvocationsConfig))]
public class CheckoutBenchmarks
{
    private const int CartsPerIteration = PreparedInvocationsConfig.InvocationsPerIteration;
    private const int CartLines = 10;

    private readonly Queue<string> _fresh = new();
    private BenchStack _stack = null!;
    private string _checkedOut = null!;

    /// <summary>Which store takes the orders.</summary>
    [ParamsSource(nameof(SourcesOfTruth))]
    public string SourceOfTruth { get; set; } = null!;

    public static IEnumerable<string> SourcesOfTruth => [BenchStack.SourceOfTruth];

    [GlobalSetup]
    public void Setup()
    {
        _stack = BenchStack.Create();
        (_checkedOut, _) = _stack.NewCartAsync(CartLines).GetAwaiter().GetResult();
        BenchStack.Require(_stack.Checkout.CheckoutAsync(_checkedOut).AsTask().GetAwaiter().GetResult());
    }

    [IterationSetup(Target = nameof(CheckoutNew))]
    public void PrepareCarts()
    {
        _fresh.Clear();
        for (var i = 0; i < CartsPerIteration; i++)
        {
            _fresh.Enqueue(_stack.NewCartAsync(CartLines).GetAwaiter().GetResult().SessionId);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _stack.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<CheckoutOutcome> CheckoutReplayed() => BenchStack.Require(await _stack.Checkout.CheckoutAsync(_checkedOut));

    [Benchmark]
    public async Task<CheckoutOutcome> CheckoutNew()
    {
        var outcome = BenchStack.Require(await _stack.Checkout.CheckoutAsync(_fresh.Dequeue()));
        return outcome.Created ? outcome : throw new InvalidOperationException("A first checkout did not create an order.");
    }
}
