using Xunit.Abstractions;
using Xunit.Sdk;

namespace CartKit.Testing.Discovery;

/// <summary>
/// Discovers <see cref="StorageFactAttribute"/> tests: a <see cref="SkippedTestCase"/> when the class's
/// <see cref="RequiresEnvironmentAttribute"/> is not met or it excludes the test, an ordinary fact otherwise.
/// xUnit creates it from the attribute; tests never use it directly.
/// </summary>
/// <param name="diagnosticMessageSink">The sink xUnit passes for diagnostic messages.</param>
public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    internal const string TypeName = "CartKit.Testing.Discovery.StorageFactDiscoverer";
    internal const string AssemblyName = "CartKit.Testing";

    /// <summary>Discovers the test cases of one test method.</summary>
    /// <param name="discoveryOptions">The discovery options.</param>
    /// <param name="testMethod">The test method.</param>
    /// <param name="factAttribute">The method's <see cref="StorageFactAttribute"/>.</param>
    /// <returns>One skipped case, or the fact's case.</returns>
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        SkipReasons.For(testMethod) is not null
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}
