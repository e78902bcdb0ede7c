using Xunit.Abstractions;
using Xunit.Sdk;

namespace CartKit.Testing.Discovery;

/// <summary>
/// Discovers <see cref="StorageTheoryAttribute"/> tests: one <see cref="SkippedTestCase"/> for the whole theory when
/// the class's <see cref="RequiresEnvironmentAttribute"/> is not met or it excludes the test, the theory's cases
/// otherwise. xUnit creates it from the attribute; tests never use it directly.
/// </summary>
/// <param name="diagnosticMessageSink">The sink xUnit passes for diagnostic messages.</param>
public sealed class StorageTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    internal const string TypeName = "CartKit.Testing.Discovery.StorageTheoryDiscoverer";

    /// <summary>Discovers the test cases of one theory.</summary>
    /// <param name="discoveryOptions">The discovery options.</param>
    /// <param name="testMethod">The test method.</param>
    /// <param name="theoryAttribute">The method's <see cref="StorageTheoryAttribute"/>.</param>
    /// <returns>One skipped case, or the theory's cases.</returns>
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        SkipReasons.For(testMethod) is not null
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
