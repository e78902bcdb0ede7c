using Xunit.Abstractions;
using Xunit.Sdk;

namespace CartKit.Testing.Discovery;

/// <summary>
/// A test case skipped because its class's <see cref="RequiresEnvironmentAttribute"/> is not met, or the class
/// excludes it with <see cref="ExcludedTestAttribute"/>. The reason is also appended to its display name
/// (<c>"Method (skipped: &lt;reason&gt;)"</c>), because <c>dotnet test</c> prints only the name of a skipped test at
/// its default verbosity. Created by <see cref="StorageFactDiscoverer"/> and <see cref="StorageTheoryDiscoverer"/>.
/// </summary>
/// <remarks>
/// The reason is worked out again whenever the case initialises (after discovery and after the runner deserialises
/// it), not kept in a field: xUnit may initialise a deserialised case before a field of this class could be restored,
/// which left the reason empty and ran the test.
/// </remarks>
public sealed class SkippedTestCase : XunitTestCase
{
    /// <summary>Initializes a new instance of the <see cref="SkippedTestCase"/> class; for the deserializer only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SkippedTestCase"/> class.</summary>
    /// <param name="sink">The sink for diagnostic messages.</param>
    /// <param name="display">How the method is named in the display name.</param>
    /// <param name="options">The display name options.</param>
    /// <param name="testMethod">The skipped test method.</param>
    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    /// <summary>Gets the display name, with the reason the test is skipped.</summary>
    /// <param name="factAttribute">The test's fact attribute.</param>
    /// <param name="displayName">The display name without the reason.</param>
    /// <returns>The display name.</returns>
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName)
    {
        var name = base.GetDisplayName(factAttribute, displayName);
        return SkipReasons.For(TestMethod) is { } reason ? $"{name} (skipped: {reason})" : name;
    }

    /// <summary>Gets why the test is skipped.</summary>
    /// <param name="factAttribute">The test's fact attribute.</param>
    /// <returns>The reason.</returns>
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        SkipReasons.For(TestMethod) ?? base.GetSkipReason(factAttribute);
}
