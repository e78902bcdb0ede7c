using System.Diagnostics;
using System.Text.Json;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// Development sign-in as the docs give it: <c>dotnet user-jwts create --project samples/CartKit.SampleApi --name NAME</c>,
/// run for real (it works offline), but in a sandbox: a copy of the sample's project file, settings and launch profile
/// in a temporary folder, with HOME there too, so neither the repository nor this machine's user secrets change. The
/// sandbox then holds what the tool wrote: the signing key (user secrets), and the issuer and audiences
/// (appsettings.Development.json).
/// </summary>
public sealed class UserJwts
{
    private static readonly string[] SampleFiles = ["CartKit.SampleApi.csproj", "appsettings.json", "appsettings.Development.json", "Properties/launchSettings.json"];

    private UserJwts(string root) => Root = root;

    /// <summary>The sandbox; the sample's copy is at <c>samples/CartKit.SampleApi</c> under it, as in the repository.</summary>
    public string Root { get; }

    public string Home => System.IO.Path.Combine(Root, "home");

    public string Project => System.IO.Path.Combine(Root, "samples", "CartKit.SampleApi");

    public static UserJwts CreateSandbox()
    {
        var root = Directory.CreateTempSubdirectory("cartkit-user-jwts-").FullName;
        var sandbox = new UserJwts(root);
        Directory.CreateDirectory(sandbox.Home);
        foreach (var file in SampleFiles)
        {
            var target = System.IO.Path.Combine(sandbox.Project, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(System.IO.Path.Combine(RepositoryRoot.Path, "samples", "CartKit.SampleApi", file), target);
        }

        return sandbox;
    }

    /// <summary>Runs <c>dotnet user-jwts ARGS</c> in the sandbox, with the environment a sandboxed run needs.</summary>
    public async Task<string> RunAsync(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", "user-jwts " + arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        foreach (var (name, value) in Environment(Home))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"dotnet user-jwts {arguments} failed ({process.ExitCode}):\n{await output}\n{await error}");
        return (await output).Trim();
    }

    /// <summary>A token for a user, exactly as the docs' command makes it.</summary>
    public Task<string> CreateTokenAsync(string name) =>
        RunAsync($"create --project samples/CartKit.SampleApi --name {name} --output token");

    /// <summary>
    /// What the sample reads under <c>Authentication:Schemes:Bearer</c> in Development, from where the tool wrote it:
    /// issuer and audiences from appsettings.Development.json, the signing keys from user secrets.
    /// </summary>
    public IReadOnlyDictionary<string, string?> BearerSettings()
    {
        var settings = new Dictionary<string, string?>();
        using (var development = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Project, "appsettings.Development.json"))))
        {
            var bearer = development.RootElement.GetProperty("Authentication").GetProperty("Schemes").GetProperty("Bearer");
            settings["Authentication:Schemes:Bearer:ValidIssuer"] = bearer.GetProperty("ValidIssuer").GetString();
            var i = 0;
            foreach (var audience in bearer.GetProperty("ValidAudiences").EnumerateArray())
            {
                settings[$"Authentication:Schemes:Bearer:ValidAudiences:{i++}"] = audience.GetString();
            }
        }

        var secrets = Directory.GetFiles(System.IO.Path.Combine(Home, ".microsoft", "usersecrets"), "secrets.json", SearchOption.AllDirectories);
        using var document = JsonDocument.Parse(File.ReadAllText(Assert.Single(secrets)));
        var k = 0;
        foreach (var key in document.RootElement.GetProperty("Authentication:Schemes:Bearer:SigningKeys").EnumerateArray())
        {
            foreach (var property in key.EnumerateObject())
            {
                settings[$"Authentication:Schemes:Bearer:SigningKeys:{k}:{property.Name}"] = property.Value.ToString();
            }

            k++;
        }

        return settings;
    }

    /// <summary>
    /// The environment of a process that should use this sandbox's user secrets (the sample, the tool, a shell running
    /// the docs' block); a null value removes the variable.
    /// </summary>
    public static IEnumerable<(string Name, string? Value)> Environment(string home) =>
    [
        ("HOME", home),

        // Where set, APPDATA is where user secrets live instead of HOME.
        ("APPDATA", null),
        ("DOTNET_CLI_HOME", home),
        ("DOTNET_NOLOGO", "1"),
        ("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1"),
        ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
        ("DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE", "1"),
    ];
}
