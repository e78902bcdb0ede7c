using Xunit.Abstractions;
using Xunit.Sdk;

namespace CartKit.Tests.TestSupport;

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
[XunitTestCaseDiscoverer("CartKit.Tests.TestSupport.StorageFactDiscoverer", "CartKit.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

/// <summary>A theory that is skipped when its class's <see cref="RequiresEnvironmentAttribute"/> is not met.</summary>
[XunitTestCaseDiscoverer("CartKit.Tests.TestSupport.StorageTheoryDiscoverer", "CartKit.Tests")]
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
        EnvironmentRequirement.SkipReason(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class StorageTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        EnvironmentRequirement.SkipReason(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

/// <summary>A test case that is always skipped with a reason decided at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = string.Empty;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string reason)
        : base(sink, display, options, testMethod)
    {
        // The base works SkipReason out (from GetSkipReason) before _reason is set, here and when deserialised, so
        // it is set again explicitly: without that, a skipped test runs.
        _reason = reason;
        SkipReason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        base.Deserialize(data);
        _reason = data.GetValue<string>("SkipReason");
        SkipReason = _reason;
    }
}
