
namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>The sample with configuration given by the test (connection strings, options).</summary>
public sealed class ConfiguredSampleApiFactory(IReadOnlyDictionary<string, string?> settings) : SampleApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = settings;
}
