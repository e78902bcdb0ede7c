using BenchmarkDotNet.Attributes;

namespace CartKit.Benchmarks.Infrastructure;

/// <summary>
/// A benchmark class on <see cref="BenchStack"/>: the stack it creates in its setup and disposes after, and which
/// source of truth answers misses and takes writes, shown in every report as the <c>SourceOfTruth</c> column.
/// </summary>
public abstract class StackBenchmarks
{
    /// <summary>Which store answers a miss and takes writes: MongoDB with <c>CARTKIT_BENCH_MONGO</c>, else in memory.</summary>
    [ParamsSource(nameof(SourcesOfTruth))]
    public string SourceOfTruth { get; set; } = null!;

    /// <summary>The one value of <see cref="SourceOfTruth"/> this run has.</summary>
    public static IEnumerable<string> SourcesOfTruth => [BenchStack.SourceOfTruth];

    private protected BenchStack Stack { get; private set; } = null!;

    [GlobalCleanup]
    public void DisposeStack() => Stack.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private protected void CreateStack(int maxQuantityPerLine = 99) => Stack = BenchStack.Create(maxQuantityPerLine);
}
