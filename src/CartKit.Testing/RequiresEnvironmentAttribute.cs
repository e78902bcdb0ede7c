using Xunit.Abstractions;
using Xunit.Sdk;

namespace CartKit.Testing;

/// <summary>
/// Marks a test class that needs an external server named by an environment variable (for example a live MongoDB).
/// Its <see cref="StorageFactAttribute"/> and <see cref="StorageTheoryAttribute"/> tests are reported as skipped, with
/// the reason, when the variable is not set, so a run without the server says so instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    public string Variable { get; } = variable;

    public string Reason { get; } = reason;
}

/// <summary>
/// Excludes one inherited test from a suite run against a storage profile that cannot honour it, reported as skipped
/// with the reason (for example a rule that needs a fake clock to expire keys in a real server).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ExcludedTestAttribute(string method, string reason) : Attribute
{
    public string Method { get; } = method;

    public string Reason { get; } = reason;
}

/// <summary>A fact that is skipped when its class's <see cref="RequiresEnvironmentAttribute"/> is not met.</summary>
[XunitTestCaseDiscoverer("CartKit.Testing.StorageFactDiscoverer", "CartKit.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>A theory that is skipped when its class's <see cref="RequiresEnvironmentAttribute"/> is not met.</summary>
[XunitTestCaseDiscoverer("CartKit.Testing.StorageTheoryDiscoverer", "CartKit.Testing")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageTheoryAttribute : TheoryAttribute;

internal static class EnvironmentRequirement
{
    public static string? SkipReason(ITestMethod testMethod)
    {
        foreach (var attribute in testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)))
        {
            var variable = attribute.GetConstructorArguments().First() as string;
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable!)))
            {
                return $"{variable} is not set: {attribute.GetConstructorArguments().Last()}";
            }
        }

        foreach (var attribute in testMethod.TestClass.Class.GetCustomAttributes(typeof(ExcludedTestAttribute)))
        {
            if (attribute.GetConstructorArguments().First() as string == testMethod.Method.Name)
            {
                return $"Excluded from this profile: {attribute.GetConstructorArguments().Last()}";
            }
        }

        return null;
    }
}

public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        EnvironmentRequirement.SkipReason(testMethod) is not null
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class StorageTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        EnvironmentRequirement.SkipReason(testMethod) is not null
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

/// <summary>
/// A test case skipped because its class's <see cref="RequiresEnvironmentAttribute"/> is not met, or the class
/// excludes it with <see cref="ExcludedTestAttribute"/>. The reason is worked
/// out again whenever the case initialises (after discovery and after the runner deserialises it), not kept in a
/// field: xUnit may initialise a deserialised case before a field of this class could be restored, which left the
/// reason empty and ran the test.
/// </summary>
public sealed class SkippedTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        EnvironmentRequirement.SkipReason(TestMethod) ?? base.GetSkipReason(factAttribute);
}
