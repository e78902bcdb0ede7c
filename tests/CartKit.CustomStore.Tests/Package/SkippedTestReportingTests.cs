using CartKit.Testing;
using CartKit.Testing.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CartKit.CustomStore.Tests.Package;

/// <summary>
/// A store author's live-server suites carry <see cref="RequiresEnvironmentAttribute"/>; without the server they must
/// say why they were skipped on the line <c>dotnet test</c> prints at its default verbosity, which shows only the
/// display name, and keep saying it after the runner serialises the case between discovery and execution.
/// </summary>
public sealed class SkippedTestReportingTests
{
    private const string Unset = "CARTKIT_TEST_NEVER_SET_BY_ANYONE";

    [Fact]
    public void ATestNeedingAnUnsetVariable_IsSkipped_WithTheReasonInItsDisplayName()
    {
        var skipped = Assert.IsType<SkippedTestCase>(Assert.Single(Discover<NeedsAServer>(nameof(NeedsAServer.TalksToTheServer))));

        var reason = $"{Unset} is not set: point it at a server";
        Assert.Equal(reason, skipped.SkipReason);
        Assert.EndsWith($".{nameof(NeedsAServer.TalksToTheServer)} (skipped: {reason})", skipped.DisplayName, StringComparison.Ordinal);

        var deserialized = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(skipped));
        Assert.Equal(reason, deserialized.SkipReason);
        Assert.Equal(skipped.DisplayName, deserialized.DisplayName);
    }

    [Fact]
    public void ASkippedTheory_IsOneCase_WithTheReasonInItsDisplayName()
    {
        var skipped = Assert.Single(Discover<NeedsAServer>(nameof(NeedsAServer.TalksToTheServerWith), theory: true));

        Assert.Contains($"(skipped: {Unset} is not set: point it at a server)", skipped.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExcludedTest_IsSkipped_WithItsReason_AndTheOthersRunUnderTheirOwnNames()
    {
        var excluded = Assert.Single(Discover<ExcludesOne>(nameof(ExcludesOne.CannotHold)));
        var kept = Assert.Single(Discover<ExcludesOne>(nameof(ExcludesOne.Holds)));

        Assert.Equal("Excluded from this profile: needs a fake clock", excluded.SkipReason);
        Assert.EndsWith("(skipped: Excluded from this profile: needs a fake clock)", excluded.DisplayName, StringComparison.Ordinal);
        Assert.Null(kept.SkipReason);
        Assert.EndsWith($".{nameof(ExcludesOne.Holds)}", kept.DisplayName, StringComparison.Ordinal);
    }

    private static List<IXunitTestCase> Discover<TClass>(string method, bool theory = false)
    {
        var assembly = new TestAssembly(Reflector.Wrap(typeof(TClass).Assembly));
        var testClass = new TestClass(new TestCollection(assembly, null, "discovery"), Reflector.Wrap(typeof(TClass)));
        var methodInfo = typeof(TClass).GetMethod(method)!;
        var testMethod = new TestMethod(testClass, Reflector.Wrap(methodInfo));
        var attribute = Reflector.Wrap(methodInfo.CustomAttributes.Single(a => typeof(FactAttribute).IsAssignableFrom(a.AttributeType)));
        var options = new DiscoveryOptions();
        var sink = new NullMessageSink();
        return theory
            ? [.. new StorageTheoryDiscoverer(sink).Discover(options, testMethod, attribute)]
            : [.. new StorageFactDiscoverer(sink).Discover(options, testMethod, attribute)];
    }

    // Abstract, so the runner itself never collects them; only the discoverers above see them.
    [RequiresEnvironment(Unset, "point it at a server")]
    public abstract class NeedsAServer
    {
        [StorageFact]
        public void TalksToTheServer()
        {
        }

        [StorageTheory]
        [InlineData(1)]
        [InlineData(2)]
        public void TalksToTheServerWith(int value) => Assert.True(value > 0);
    }

    [ExcludedTest(nameof(CannotHold), "needs a fake clock")]
    public abstract class ExcludesOne
    {
        [StorageFact]
        public void CannotHold()
        {
        }

        [StorageFact]
        public void Holds()
        {
        }
    }

    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        public TValue GetValue<TValue>(string name) => default!;

        public void SetValue<TValue>(string name, TValue value)
        {
        }
    }
}
