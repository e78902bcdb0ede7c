using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CartKit.Testing;
using Microsoft.AspNetCore.Routing;

namespace CartKit.CustomStore.Tests.Package;

/// <summary>
/// This project proves what an outside author can do, so it must see only what the packages publish: no CartKit
/// package grants it (or CartKit.Testing, whose suites an author compiles against) access to internals, and it does
/// not lean on the sample host.
/// </summary>
public sealed partial class PackageBoundaryTests
{
    private static readonly string[] MustSeePublicApiOnly = ["CartKit.CustomStore.Tests", "CartKit.Testing"];

    [Fact]
    public void NoReferencedCartKitAssembly_GrantsThisProjectOrCartKitTestingItsInternals()
    {
        var assemblies = new[] { typeof(CartKitIds).Assembly, typeof(CartKitEndpointRouteBuilderExtensions).Assembly, typeof(CartKitHarness).Assembly };

        foreach (var assembly in assemblies)
        {
            var friends = assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0].Trim());
            Assert.Empty(friends.Intersect(MustSeePublicApiOnly, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void NoPackageProject_GrantsThisProjectOrCartKitTestingItsInternals()
    {
        // The packages this project does not reference (CartKit.Redis, CartKit.MongoDB) are checked in their sources.
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);

        foreach (var file in sources)
        {
            foreach (Match grant in InternalsVisibleTo().Matches(File.ReadAllText(file)))
            {
                Assert.DoesNotContain(grant.Groups["name"].Value, MustSeePublicApiOnly);
            }
        }
    }

    [Fact]
    public void ThisProject_ReferencesOnlyThePackages_NotTheSample()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "CartKit.CustomStore.Tests", "CartKit.CustomStore.Tests.csproj"));

        var references = ProjectReference().Matches(project).Select(m => m.Groups["path"].Value.Replace('\\', '/')).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["../../src/CartKit.AspNetCore/CartKit.AspNetCore.csproj", "../../src/CartKit.Testing/CartKit.Testing.csproj", "../../src/CartKit/CartKit.csproj"],
            references);
        Assert.DoesNotContain(typeof(PackageBoundaryTests).Assembly.GetReferencedAssemblies(), a => a.Name!.Contains("Sample", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CartKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CartKit.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex("""InternalsVisibleTo(?:\s+Include=|\()\s*"(?<name>[^",]+)""")]
    private static partial Regex InternalsVisibleTo();

    [GeneratedRegex("""<ProjectReference\s+Include="(?<path>[^"]+)""")]
    private static partial Regex ProjectReference();
}
