using Xunit.Abstractions;

namespace CartKit.Testing.Discovery;

// Why a test of a class marked [RequiresEnvironment] or [ExcludedTest] does not run, worked out from the class's
// attributes alone, so the answer is the same at discovery, after the runner deserialises a case, and at execution.
internal static class SkipReasons
{
    public static string? For(ITestMethod testMethod)
    {
        foreach (var attribute in testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)))
        {
            var arguments = attribute.GetConstructorArguments().ToList();
            var variable = (string)arguments[0];
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
            {
                return $"{variable} is not set: {arguments[1]}";
            }
        }

        foreach (var attribute in testMethod.TestClass.Class.GetCustomAttributes(typeof(ExcludedTestAttribute)))
        {
            var arguments = attribute.GetConstructorArguments().ToList();
            if (string.Equals((string)arguments[0], testMethod.Method.Name, StringComparison.Ordinal))
            {
                return $"Excluded from this profile: {arguments[1]}";
            }
        }

        return null;
    }
}
