using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace CartKit.Benchmarks.Infrastructure;

/// <summary>
/// One job for every class: enough iterations for stable medians on a shared 2-core machine without the default
/// job's minutes per case, memory per operation, and a JSON report (beside the default GitHub one) that benchmarks/run.sh keeps.
/// </summary>
internal class BenchConfig : ManualConfig
{
    public BenchConfig()
        : this(Job.Default.WithIterationTime(TimeInterval.FromMilliseconds(250)))
    {
    }

    protected BenchConfig(Job job)
    {
        AddJob(job.WithWarmupCount(4).WithIterationCount(15));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        AddExporter(JsonExporter.Brief);
    }
}

/// <summary>
/// For benchmarks that consume prepared state (a cart never checked out): a fixed number of invocations per
/// iteration, prepared by an <c>[IterationSetup]</c> outside the measurement.
/// </summary>
internal sealed class PreparedInvocationsConfig : BenchConfig
{
    public const int InvocationsPerIteration = 200;

    public PreparedInvocationsConfig()
        : base(Job.Default.WithInvocationCount(InvocationsPerIteration).WithUnrollFactor(1))
    {
    }
}
