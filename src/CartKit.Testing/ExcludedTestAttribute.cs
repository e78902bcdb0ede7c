namespace CartKit.Testing;

/// <summary>
/// Excludes one inherited test from a suite run against a store that cannot honour it, reported as skipped with the
/// reason (for example a rule that needs a fake clock to expire keys in a real server). Applies to tests marked
/// <see cref="StorageFactAttribute"/> or <see cref="StorageTheoryAttribute"/>, as every test of the CartKit.Testing
/// suites is.
/// </summary>
/// <param name="method">The name of the test method, best given with <see langword="nameof"/>.</param>
/// <param name="reason">Why the store cannot honour the test, and where the rule is covered instead.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ExcludedTestAttribute(string method, string reason) : Attribute
{
    /// <summary>Gets the name of the excluded test method.</summary>
    public string Method { get; } = method;

    /// <summary>Gets why the test is excluded, reported when it is skipped.</summary>
    public string Reason { get; } = reason;
}
