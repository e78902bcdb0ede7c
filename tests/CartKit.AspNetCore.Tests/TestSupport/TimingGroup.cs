
namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>HTTP tests that assert how long requests take run alone, after the parallel ones, so load cannot skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingGroup
{
    public const string Name = "HTTP timing";
}
