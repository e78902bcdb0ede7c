using System.Globalization;
using System.Reflection;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// Every package under src/, packed once per test run with <c>dotnet pack CartKit.sln</c> (as CI and the docs do) into
/// a temporary folder feed, under a version no other feed has, so a restore of that version can only have come from
/// here. The feed sits in a temporary directory outside the repository, beside the consumer apps the tests create
/// (<c>../cartkit-packages</c> from each of them, the layout docs/getting-started.md describes).
/// </summary>
/// <remarks>
/// It packs what the test run already built (<c>--no-build</c>, in the test assembly's configuration): packing is the
/// slow part of these tests otherwise, and the bits are the ones the other tests ran against.
/// </remarks>
public sealed class PackedPackages : IAsyncLifetime
{
    /// <summary>The packages CartKit ships, in dependency order.</summary>
    public static readonly IReadOnlyList<string> Ids = ["CartKit", "CartKit.AspNetCore", "CartKit.MongoDB", "CartKit.Redis", "CartKit.Testing"];

    /// <summary>The feed's folder name, as docs/getting-started.md names it.</summary>
    public const string FeedFolderName = "cartkit-packages";

    public string Root { get; } = Directory.CreateTempSubdirectory("cartkit-packages-").FullName;

    public string Version { get; } = "0.0.0-test." + TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public string Feed => Path.Combine(Root, FeedFolderName);

    /// <summary>How long packing took, for the test output.</summary>
    public TimeSpan PackTime { get; private set; }

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        var started = TimeProvider.System.GetTimestamp();
        var configuration = typeof(PackedPackages).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        await Dotnet.RunAsync(
            RepositoryRoot.Path,
            $"pack CartKit.sln --no-build --configuration {configuration} -p:Version={Version} --output \"{Feed}\"");
        PackTime = TimeProvider.System.GetElapsedTime(started);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is not worth failing a test run for.
        }

        return Task.CompletedTask;
    }
}

/// <summary>The tests that consume the packed packages share one pack, and run one after another (each builds an app).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesGroup : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
