using CartKit.Testing.Discovery;
using Xunit.Sdk;

namespace CartKit.Testing;

/// <summary>
/// A theory that is reported as skipped, with the reason, when its class's <see cref="RequiresEnvironmentAttribute"/>
/// is not met or the class excludes it with <see cref="ExcludedTestAttribute"/>; otherwise an ordinary
/// <see cref="TheoryAttribute"/>.
/// </summary>
[XunitTestCaseDiscoverer(StorageTheoryDiscoverer.TypeName, StorageFactDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageTheoryAttribute : TheoryAttribute;
