using System.Text.Json;
using System.Text.RegularExpressions;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Documentation;

/// <summary>
/// What the docs say that can be checked without building anything: every tested block still carries its marker, the
/// step snippets are excerpts of the whole listing, and the ports, secrets, headers and package names the docs give are
/// the ones the sample, its compose file and the packages really use. <see cref="DocsCompileAndRunTests"/> builds and
/// runs the blocks.
/// </summary>
public sealed partial class DocsTextTests
{
    public static TheoryData<string> DocsWithMarkers() => [.. DocBlocks.ExpectedMarkers.Keys];

    [Theory]
    [MemberData(nameof(DocsWithMarkers))]
    public void EveryTestedBlock_KeepsItsMarker_AndNoMarkerIsUnknownOrAstray(string file)
    {
        var blocks = MarkdownBlocks.Read(file);

        // Each marker once, right before a code block (a marker that drifted away from its block is not on one).
        Assert.Equal(DocBlocks.ExpectedMarkers[file], MarkdownBlocks.MarkersIn(file));
        Assert.Equal(DocBlocks.ExpectedMarkers[file], blocks.Where(b => b.Marker is not null).Select(b => b.Marker!));
    }

    [Theory]
    [InlineData(DocBlocks.Readme)]
    [InlineData(DocBlocks.GettingStarted)]
    [InlineData(DocBlocks.HttpApi)]
    public void EveryCSharpBlock_OfTheNewcomerDocs_IsTested(string file)
    {
        var untested = MarkdownBlocks.Read(file).Where(b => b.Language == "csharp" && b.Marker is null).ToList();

        Assert.True(untested.Count == 0, $"{file} has C# blocks no test builds (add a docs-test marker and a test): lines {string.Join(", ", untested.Select(b => b.Line))}.");
    }

    public static TheoryData<string, string, string, string> Excerpts()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (file, excerpt, listingFile, listing) in DocBlocks.Excerpts)
        {
            data.Add(file, excerpt, listingFile, listing);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Excerpts))]
    public void EveryStepSnippet_IsAnExcerptOfTheWholeListing(string file, string excerpt, string listingFile, string listing) =>
        DocBlocks.AssertIsExcerptOf(DocBlocks.Code(file, excerpt), DocBlocks.Code(listingFile, listing), $"{file}: the block marked {excerpt}");

    [Fact]
    public void TheProviderSnippets_AreTheListingsRegistrationWithTheStoresChainedOn()
    {
        AssertChainsTheStoresOnto(DocBlocks.Code(DocBlocks.Readme, DocBlocks.ReadmeProviders), DocBlocks.Code(DocBlocks.Readme, DocBlocks.ReadmeProgram));
        AssertChainsTheStoresOnto(DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Providers), DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Program));

        static void AssertChainsTheStoresOnto(string providers, string listing)
        {
            var withoutStores = string.Join('\n', providers.Split('\n').Where(l => !l.TrimStart().StartsWith(".Use", StringComparison.Ordinal) || l.Contains("Catalog", StringComparison.Ordinal)));
            Assert.Contains(".UseMongoStorage()", providers, StringComparison.Ordinal);
            Assert.Contains(".UseRedis();", providers, StringComparison.Ordinal);
            Assert.Contains(withoutStores.TrimEnd('\n').TrimEnd(';', ' ') + ";", listing, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheReadme_KeepsExactlyItsTwoSetupCommands()
    {
        // .ci/run runs README's `dotnet test` line; a newcomer runs the sample. Nothing else in README asks for a setup step.
        var commands = MarkdownBlocks.Read(DocBlocks.Readme).Where(b => b.Language is "" or "sh" or "bash").Select(b => b.Code.Trim());

        Assert.Equal(["dotnet run --project samples/CartKit.SampleApi", "dotnet test CartKit.sln"], commands);
    }

    [Fact]
    public void ThePackagesTheDocsAdd_AreThePackagesCartKitShips()
    {
        var added = DocBlocks.PackagesAdded(DocBlocks.GettingStarted, DocBlocks.Packages)
            .Concat(DocBlocks.PackagesAdded(DocBlocks.GettingStarted, DocBlocks.ProviderPackages))
            .ToList();

        Assert.Equal(["CartKit", "CartKit.AspNetCore", "CartKit.MongoDB", "CartKit.Redis"], added);
        Assert.All(added, id => Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "src", id, id + ".csproj")), $"{id} is not a package under src/."));
        foreach (var id in new[] { "CartKit", "CartKit.AspNetCore", "CartKit.MongoDB", "CartKit.Redis" })
        {
            Assert.Contains($"`{id}`", File.ReadAllText(Path.Combine(RepositoryRoot.Path, DocBlocks.Readme)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheLocalFeedRecipe_PacksIntoTheFolderItsNuGetConfigNames()
    {
        var pack = DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Pack).Trim();
        var feed = PackOutput().Match(pack);
        Assert.True(feed.Success, $"The pack block must be 'dotnet pack CartKit.sln ... -o FOLDER': {pack}");

        // The clone and the app sit side by side, so a folder relative to one is the same folder relative to the other.
        var config = System.Xml.Linq.XDocument.Parse(DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.NuGetConfig));
        var sources = config.Root!.Element("packageSources")!.Elements("add").Select(e => (string?)e.Attribute("value")).ToList();
        Assert.Equal([feed.Groups["folder"].Value], sources);
        Assert.Equal("../" + PackedPackages.FeedFolderName, feed.Groups["folder"].Value);
        Assert.Null(config.Root!.Element("packageSources")!.Element("clear"));
    }

    [Fact]
    public void ThePaymentRoute_IsProtectedTheSameWayInEveryDoc_AndInTheSample()
    {
        var filter = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples/CartKit.SampleApi/Payments/PaymentSecretFilter.cs"));
        Assert.Contains("""Header = "X-Payment-Secret";""", filter, StringComparison.Ordinal);
        Assert.Contains("""Headers["X-Payment-Secret"]""", DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Program), StringComparison.Ordinal);
        Assert.Contains("""["PaymentApiKey"]""", DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Program), StringComparison.Ordinal);
        Assert.Contains("PaymentApiKey=", DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Run), StringComparison.Ordinal);

        foreach (var doc in new[] { DocBlocks.Readme, DocBlocks.GettingStarted, DocBlocks.HttpApi, "docs/configuration.md", "src/CartKit.AspNetCore/README.md" })
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, doc));
            Assert.Contains("X-Payment-Secret", text, StringComparison.Ordinal);

            // An authorization policy without the authentication and authorization middleware answers 500.
            Assert.DoesNotContain(".RequireAuthorization(\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheSamplesPortsAndSecrets_AreTheOnesTheDocsGive()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, DocBlocks.Readme));
        var httpApi = File.ReadAllText(Path.Combine(RepositoryRoot.Path, DocBlocks.HttpApi));
        var configuration = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs/configuration.md"));

        var compose = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples/CartKit.SampleApi/docker-compose.yml"));
        var composeSecret = ComposePaymentSecret().Match(compose).Groups["secret"].Value;
        var composePort = ComposePort().Match(compose).Groups["port"].Value;
        Assert.Equal(("demo-payment-secret", "8080"), (composeSecret, composePort));
        Assert.Contains("ASPNETCORE_ENVIRONMENT: \"Production\"", compose, StringComparison.Ordinal);
        foreach (var text in new[] { readme, httpApi, configuration })
        {
            Assert.Contains(composeSecret, text, StringComparison.Ordinal);
        }

        Assert.Contains($"http://localhost:{composePort}", readme, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:{composePort}/api", httpApi, StringComparison.Ordinal);
        Assert.Contains("Production", readme, StringComparison.Ordinal);

        var development = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples/CartKit.SampleApi/appsettings.Development.json")));
        var devSecret = development.RootElement.GetProperty("Sample").GetProperty("PaymentApiKey").GetString()!;
        var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples/CartKit.SampleApi/Properties/launchSettings.json")));
        var devUrl = launch.RootElement.GetProperty("profiles").GetProperty("http").GetProperty("applicationUrl").GetString()!;
        Assert.Contains(devSecret, readme, StringComparison.Ordinal);
        Assert.Contains(devUrl, readme, StringComparison.Ordinal);
        Assert.Contains($"B={devUrl}/api\n", DocBlocks.Code(DocBlocks.HttpApi, DocBlocks.HttpApiSession), StringComparison.Ordinal);
        Assert.Contains($"X-Payment-Secret: {devSecret}", DocBlocks.Code(DocBlocks.HttpApi, DocBlocks.HttpApiSession), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSignInDocs_MatchWhatUserJwtsMakesForTheSample()
    {
        // dotnet user-jwts signs for the launch profile's URL as audience and its own issuer, with the key kept under the
        // project's UserSecretsId: the committed settings already say so, and the docs name the same project and URL.
        var sample = Path.Combine(RepositoryRoot.Path, "samples", "CartKit.SampleApi");
        var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample, "Properties", "launchSettings.json")));
        var devUrl = launch.RootElement.GetProperty("profiles").GetProperty("http").GetProperty("applicationUrl").GetString()!;
        var bearer = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample, "appsettings.Development.json")))
            .RootElement.GetProperty("Authentication").GetProperty("Schemes").GetProperty("Bearer");
        Assert.Equal([devUrl], bearer.GetProperty("ValidAudiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("dotnet-user-jwts", bearer.GetProperty("ValidIssuer").GetString());
        Assert.Contains("<UserSecretsId>", File.ReadAllText(Path.Combine(sample, "CartKit.SampleApi.csproj")), StringComparison.Ordinal);

        const string Command = "dotnet user-jwts create --project samples/CartKit.SampleApi --name alice";
        var signIn = DocBlocks.Code(DocBlocks.HttpApi, DocBlocks.HttpApiSignIn);
        Assert.Contains($"B={devUrl}/api\n", signIn, StringComparison.Ordinal);
        Assert.Contains(Command, signIn, StringComparison.Ordinal);
        Assert.Contains(Command, File.ReadAllText(Path.Combine(RepositoryRoot.Path, DocBlocks.Readme)).Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDocs_UseOnlyToolsAStockDebianHas_AndDocumentTheSamplesOwnAnswers()
    {
        foreach (var doc in new[] { DocBlocks.Readme, DocBlocks.GettingStarted, DocBlocks.HttpApi })
        {
            foreach (var block in MarkdownBlocks.Read(doc).Where(b => b.Language is "sh" or "bash" or ""))
            {
                Assert.DoesNotMatch(@"\b(uuidgen|jq|httpie|http)\s", block.Code);
            }
        }

        var httpApi = File.ReadAllText(Path.Combine(RepositoryRoot.Path, DocBlocks.HttpApi));
        Assert.Contains("`GET /products`", httpApi, StringComparison.Ordinal);
        Assert.Contains("| 401 | `urn:cartkit-sample:problem:payment-secret-required`", httpApi, StringComparison.Ordinal);
        Assert.Contains("| 429 | `urn:cartkit-sample:problem:rate-limited`", httpApi, StringComparison.Ordinal);
        Assert.Contains("Retry-After", httpApi, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^dotnet pack CartKit\.sln\b.* -o (?<folder>\S+)$")]
    private static partial Regex PackOutput();

    [GeneratedRegex(@"Sample__PaymentApiKey: ""\$\{PAYMENT_API_KEY:-(?<secret>[^}]+)\}""")]
    private static partial Regex ComposePaymentSecret();

    [GeneratedRegex(@"- ""(?<port>\d+):8080""")]
    private static partial Regex ComposePort();
}
