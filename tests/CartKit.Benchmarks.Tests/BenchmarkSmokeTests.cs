using System.Reflection;
using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;

namespace CartKit.Benchmarks.Tests;

/// <summary>
/// Every benchmark case runs once against a real Redis, with its own setup and cleanup, so a benchmark that no longer
/// measures what it says (a cart not cached where the setup checks, a replayed checkout that creates an order, a
/// write refused) fails here instead of at the next performance run. No timing is asserted.
/// </summary>
public sealed class BenchmarkSmokeTests : IClassFixture<BenchmarkSmokeTests.Redis>
{
    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var type in BenchmarkTypes())
        {
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                cases.Add($"{type.Name}.{method.Name}");
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryBenchmark_RunsAgainstARealRedis(string name)
    {
        var (typeName, methodName) = (name.Split('.')[0], name.Split('.')[1]);
        var type = BenchmarkTypes().Single(t => t.Name == typeName);
        var benchmark = type.GetMethod(methodName)!;
        var instance = Activator.CreateInstance(type)!;
        SetFirstParameterValues(type, instance);

        Invoke<GlobalSetupAttribute>(type, instance, benchmark);
        try
        {
            Invoke<IterationSetupAttribute>(type, instance, benchmark);
            for (var i = 0; i < 3; i++)
            {
                var result = benchmark.Invoke(instance, null);
                if (result is Task task)
                {
                    await task;
                }
            }
        }
        finally
        {
            Invoke<GlobalCleanupAttribute>(type, instance, benchmark);
        }
    }

    private static IEnumerable<Type> BenchmarkTypes() =>
        typeof(CartReadBenchmarks).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    // The smallest case of each parameter is enough to prove the benchmark works.
    private static void SetFirstParameterValues(Type type, object instance)
    {
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<ParamsAttribute>() is { } values)
            {
                property.SetValue(instance, values.Values[0]);
            }
            else if (property.GetCustomAttribute<ParamsSourceAttribute>() is { } source)
            {
                var sourceValues = (System.Collections.IEnumerable)type.GetProperty(source.Name, BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)!.GetValue(null)!;
                property.SetValue(instance, sourceValues.Cast<object>().First());
            }
        }
    }

    // A setup or cleanup with targets applies to those benchmarks only (and then replaces the untargeted one, as in
    // BenchmarkDotNet); without targets, to every benchmark of the class.
    private static void Invoke<TAttribute>(Type type, object instance, MethodInfo benchmark)
        where TAttribute : TargetedAttribute
    {
        var methods = type.GetMethods()
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<TAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToArray();
        var specific = methods.Where(m => m.Attribute!.Targets?.Contains(benchmark.Name) == true).ToArray();
        foreach (var (method, _) in specific.Length > 0 ? specific : methods.Where(m => m.Attribute!.Targets is null or { Length: 0 }))
        {
            method.Invoke(instance, null);
        }
    }

    /// <summary>The benchmarks' Redis: the tests' shared one (<c>CARTKIT_TEST_REDIS</c>) or a server started here.</summary>
    public sealed class Redis : IDisposable
    {
        private readonly IDisposable? _own;

        public Redis()
        {
            if (Environment.GetEnvironmentVariable("CARTKIT_TEST_REDIS") is { Length: > 0 } shared)
            {
                Environment.SetEnvironmentVariable(BenchRedis.Variable, shared);
            }

            _own = BenchRedis.EnsureServer();
        }

        public void Dispose() => _own?.Dispose();
    }
}
