using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// A web app outside this repository, as <c>dotnet new web</c> makes it (nullable and implicit usings on), that
/// references CartKit's packed packages by version and nothing else of this repository. Warnings are errors, so a
/// snippet that builds only with warnings does not pass.
/// </summary>
public sealed class ConsumerApp
{
    private readonly PackedPackages _packages;

    private ConsumerApp(PackedPackages packages, string name)
    {
        _packages = packages;
        Name = name;
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(packages.Root, name)).FullName;
    }

    public string Name { get; }

    public string Directory { get; }

    // Each app restores into a folder of its own, so where a CartKit package came from can be checked; everything else
    // is taken from the machine's global packages folder as a fallback instead of being downloaded again.
    private string PackagesFolder => Path.Combine(Directory, ".packages");

    /// <summary>
    /// Creates the project. <paramref name="nugetConfig"/> defaults to one adding the feed by its relative path, the
    /// way docs/getting-started.md does it.
    /// </summary>
    public static async Task<ConsumerApp> CreateAsync(PackedPackages packages, string name, IEnumerable<string> packageIds, string? nugetConfig = null)
    {
        var app = new ConsumerApp(packages, name);
        var references = string.Join(
            Environment.NewLine,
            packageIds.Select(id => $"""    <PackageReference Include="{id}" Version="{packages.Version}" />"""));
        await File.WriteAllTextAsync(Path.Combine(app.Directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- A package feed that cannot answer vulnerability queries is not the snippet's fault. -->
                <WarningsNotAsErrors>NU1900;NU1901;NU1902;NU1903;NU1904</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app.Directory, "nuget.config"), nugetConfig ?? $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cartkit-local" value="../{PackedPackages.FeedFolderName}" />
              </packageSources>
            </configuration>
            """);
        return app;
    }

    public Task WriteFileAsync(string relativePath, string content) => File.WriteAllTextAsync(Path.Combine(Directory, relativePath), content);

    public async Task BuildAsync()
    {
        var fallback = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await Dotnet.RunAsync(
            Directory,
            $"build -p:RestorePackagesPath=\"{PackagesFolder}\" -p:RestoreAdditionalProjectFallbackFolders=\"{fallback}\"");
    }

    /// <summary>Asserts that a CartKit package was restored from the temporary feed, not from any other source.</summary>
    public void AssertRestoredFromTheFeed(string id)
    {
        var metadata = Path.Combine(PackagesFolder, id.ToLowerInvariant(), _packages.Version, ".nupkg.metadata");
        Assert.True(File.Exists(metadata), $"{id} {_packages.Version} was not restored into {PackagesFolder}.");
        var source = JsonDocument.Parse(File.ReadAllText(metadata)).RootElement.GetProperty("source").GetString();
        Assert.Equal(Path.TrimEndingDirectorySeparator(_packages.Feed), Path.TrimEndingDirectorySeparator(Path.GetFullPath(source!)));
    }

    /// <summary>Starts the built app on a free loopback port, as <c>dotnet run</c> would but without rebuilding.</summary>
    public async Task<RunningApp> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll")}\" --urls http://127.0.0.1:0")
        {
            WorkingDirectory = Directory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return await RunningApp.StartAsync(start);
    }
}

/// <summary>A started consumer app: an HttpClient on its address, and its output for failure messages.</summary>
public sealed partial class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningApp(Process process)
    {
        _process = process;

        // Drained continuously: a host that logs every request would otherwise block on a full pipe.
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _address.TrySetException(new InvalidOperationException("The app exited before listening:\n" + Output));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Client { get; private set; } = null!;

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a web app whose command line listens on <c>http://127.0.0.1:0</c>, and waits until it does.</summary>
    public static async Task<RunningApp> StartAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var running = new RunningApp(Process.Start(start)!);
        try
        {
            var address = await running._address.Task.WaitAsync(TimeSpan.FromSeconds(60));
            running.Client = new HttpClient { BaseAddress = new Uri(address) };
            return running;
        }
        catch
        {
            await running.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _address.TrySetResult(match.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
