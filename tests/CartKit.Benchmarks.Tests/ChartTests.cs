using CartKit.Benchmarks.Charts;

namespace CartKit.Benchmarks.Tests;

/// <summary>The chart in docs/performance.md is the one the repository's script draws from the committed results.</summary>
public sealed class ChartTests
{
    [Fact]
    public void TheHitVersusMissChart_IsDrawnFromTheCommittedResults()
    {
        var root = RepositoryRoot();
        var drawn = Path.Combine(Path.GetTempPath(), $"cartkit-chart-{Guid.NewGuid():N}.svg");
        try
        {
            Assert.Equal(0, HitMissChart.Run(Path.Combine(root, "benchmarks", "results"), drawn));
            var committed = File.ReadAllText(Path.Combine(root, "docs", "images", "cache-hit-vs-miss.svg"));
            Assert.True(
                committed == File.ReadAllText(drawn),
                "docs/images/cache-hit-vs-miss.svg is not what benchmarks/results draws: run 'benchmarks/run.sh chart'.");
        }
        finally
        {
            File.Delete(drawn);
        }
    }

    [Fact]
    public void TheChart_ShowsEverySeriesForEveryCartSize()
    {
        var svg = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "images", "cache-hit-vs-miss.svg"));

        // Two panels x three cart sizes x three series, each bar with its tooltip.
        Assert.Equal(18, svg.Split("<rect x=").Length - 1 - 3);
        Assert.Contains("CartKit hit, 10 lines", svg, StringComparison.Ordinal);
        Assert.Contains("CartKit miss, 100 lines", svg, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CartKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CartKit.sln not found above the test output.");
    }
}
