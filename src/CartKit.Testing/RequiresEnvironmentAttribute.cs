namespace CartKit.Testing;

/// <summary>
/// Marks a test class that needs an external server named by an environment variable (for example a live MongoDB).
/// When the variable is not set, the class's <see cref="StorageFactAttribute"/> and <see cref="StorageTheoryAttribute"/>
/// tests are reported as skipped with the reason, in their display name too, so a run without the server says so
/// instead of passing silently.
/// </summary>
/// <param name="variable">The environment variable that names the server (a connection string, an endpoint).</param>
/// <param name="reason">What to set it to, shown after <c>"&lt;variable&gt; is not set: "</c> when the tests are skipped.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string reason) : Attribute
{
    /// <summary>Gets the environment variable that must be set for the tests to run.</summary>
    public string Variable { get; } = variable;

    /// <summary>Gets what the variable should hold, reported when the tests are skipped.</summary>
    public string Reason { get; } = reason;
}
