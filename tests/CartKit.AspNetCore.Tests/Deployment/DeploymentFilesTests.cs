using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Deployment;

/// <summary>
/// The container and compose files are checked offline (no Docker engine here; the GitHub workflow builds the image):
/// the compose file must pass <c>docker-compose config</c> and keep its operational properties, and every path the
/// Dockerfile copies must exist.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private const string ComposeFile = "samples/CartKit.SampleApi/docker-compose.yml";
    private const string Dockerfile = "samples/CartKit.SampleApi/Dockerfile";

    [Fact]
    public async Task TheComposeFile_IsValid_AndWiresTheApiToHealthyMongoAndPasswordProtectedRedis()
    {
        var (exit, yaml, error) = await ProcessRunner.RunAsync("docker-compose", $"-f {ComposeFile} config", "Install it with: apt-get install -y docker-compose");
        Assert.True(exit == 0, $"docker-compose config failed: {error}");
        var (_, json, convertError) = await ProcessRunner.RunAsync(
            "python3",
            "-c \"import json,sys,yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)\"",
            "python3 with PyYAML comes with Debian's docker-compose package.",
            yaml);
        Assert.True(json.Length > 0, convertError);
        var services = JsonDocument.Parse(json).RootElement.GetProperty("services");

        var api = services.GetProperty("api");
        Assert.Equal("service_healthy", api.GetProperty("depends_on").GetProperty("mongo").GetProperty("condition").GetString());
        Assert.Equal("service_healthy", api.GetProperty("depends_on").GetProperty("redis").GetProperty("condition").GetString());
        var environment = api.GetProperty("environment");
        Assert.StartsWith("mongodb://mongo:27017", environment.GetProperty("ConnectionStrings__Mongo").GetString(), StringComparison.Ordinal);
        Assert.Contains("password=", environment.GetProperty("ConnectionStrings__Redis").GetString(), StringComparison.Ordinal);

        var redisCommand = services.GetProperty("redis").GetProperty("command").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("--requirepass", redisCommand);
        Assert.All(new[] { "api", "mongo", "redis" }, name =>
            Assert.NotEmpty(services.GetProperty(name).GetProperty("healthcheck").GetProperty("test").EnumerateArray()));
        Assert.Contains("mongo-data:/data/db", services.GetProperty("mongo").GetProperty("volumes")[0].GetString(), StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(json).RootElement.GetProperty("volumes").TryGetProperty("mongo-data", out _));
    }

    [Fact]
    public void TheDockerfile_IsMultiStage_RunsAsNonRoot_HasAHealthCheck_AndCopiesOnlyPathsThatExist()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, Dockerfile));

        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Contains("dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.Contains("dotnet/aspnet:10.0", stages[1], StringComparison.Ordinal);
        Assert.Contains("chiseled", stages[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Trim() == "USER $APP_UID");
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));

        var sources = lines
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .SelectMany(l => CopySources().Match(l).Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            var path = Path.Combine(RepositoryRoot.Path, source.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"The Dockerfile copies '{source}', which does not exist.");
        });
    }

    [Fact]
    public void TheDockerfilesRestoreLayer_CopiesEveryProjectTheSampleBuildsFrom()
    {
        // The restore runs before the sources are copied: a project the sample references, directly or through another
        // project, that is not copied there breaks `docker build` at restore, which no test on this machine runs.
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, Dockerfile));
        var restore = Array.FindIndex(lines, l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        Assert.True(restore > 0, "The Dockerfile has no restore step.");
        var copied = lines[..restore]
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(l => CopySources().Match(l).Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

        var pending = new Stack<string>([Path.Combine(RepositoryRoot.Path, "samples", "CartKit.SampleApi", "CartKit.SampleApi.csproj")]);
        var projects = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var project))
        {
            if (!projects.Add(Path.GetFullPath(project)))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
            }
        }

        Assert.True(projects.Count >= 5, $"Found only {projects.Count} projects behind the sample.");
        Assert.All(projects, project =>
        {
            var relative = Path.GetRelativePath(RepositoryRoot.Path, project).Replace('\\', '/');
            Assert.True(copied.Contains(relative), $"The Dockerfile's restore layer does not copy {relative}.");
        });
    }

    [GeneratedRegex(@"^COPY (?<sources>.+) \S+$")]
    private static partial Regex CopySources();
}
