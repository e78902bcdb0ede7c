using CartKit.Testing.Discovery;
using Xunit.Sdk;

namespace CartKit.Testing;

/// <summary>
/// A fact that is reported as skipped, with the reason, when its class's <see cref="RequiresEnvironmentAttribute"/> is
/// not met or the class excludes it with <see cref="ExcludedTestAttribute"/>; otherwise an ordinary
/// <see cref="FactAttribute"/>.
/// </summary>
[XunitTestCaseDiscoverer(StorageFactDiscoverer.TypeName, StorageFactDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;
