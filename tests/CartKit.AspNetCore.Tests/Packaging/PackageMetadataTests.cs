using System.IO.Compression;
using System.Xml.Linq;
using CartKit.AspNetCore.Tests.TestSupport;
using Xunit.Abstractions;

namespace CartKit.AspNetCore.Tests.Packaging;

/// <summary>
/// What <c>dotnet pack CartKit.sln</c> produces: exactly the five packages, each with the metadata a feed shows (id,
/// version, description, license, readme, repository) and symbols beside it, and dependencies that let a consumer pay
/// only for the providers it uses.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class PackageMetadataTests(PackedPackages packages, ITestOutputHelper output)
{
    [Fact]
    public void PackingTheSolution_ProducesTheFivePackages_WithSymbols_AndNothingElse()
    {
        output.WriteLine($"dotnet pack CartKit.sln --no-build took {packages.PackTime.TotalSeconds:0.0} s.");
        var expected = PackedPackages.Ids
            .SelectMany(id => new[] { $"{id}.{packages.Version}.nupkg", $"{id}.{packages.Version}.snupkg" })
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, Directory.GetFiles(packages.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryPackage_CarriesItsMetadata_AndItsReadme(string id)
    {
        using var package = ZipFile.OpenRead(packages.PackagePath(id));
        var metadata = Metadata(package, id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(packages.Version, Value(metadata, "version"));
        Assert.True(Value(metadata, "description").Length >= 60, $"{id}'s description is missing or too short to say what it is.");
        Assert.Contains(id == "CartKit" ? "MongoDB" : "CartKit", Value(metadata, "description"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "tags")));

        var license = Element(metadata, "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));

        Assert.Equal("README.md", Value(metadata, "readme"));
        var readme = package.GetEntry("README.md");
        Assert.NotNull(readme);
        using (var reader = new StreamReader(readme.Open()))
        {
            Assert.StartsWith($"# {id}\n", reader.ReadToEnd().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        var repository = Element(metadata, "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://github.com/", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
        Assert.Equal((string?)repository.Attribute("url"), Value(metadata, "projectUrl"));

        Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.dll"));
        Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.xml"));
    }

    [Fact]
    public void TheCorePackage_DependsOnNeitherMongoDbNorRedis()
    {
        var dependencies = Dependencies("CartKit");

        Assert.DoesNotContain("MongoDB.Driver", dependencies.Keys);
        Assert.DoesNotContain("StackExchange.Redis", dependencies.Keys);
        Assert.All(dependencies.Keys, id => Assert.StartsWith("Microsoft.Extensions.", id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CartKit.Redis", "StackExchange.Redis")]
    [InlineData("CartKit.MongoDB", "MongoDB.Driver")]
    [InlineData("CartKit.AspNetCore", null)]
    [InlineData("CartKit.Testing", "xunit.core")]
    public void EveryOtherPackage_DependsOnCartKitOfTheSameVersion_AndBringsItsOwnClient(string id, string? client)
    {
        var dependencies = Dependencies(id);

        Assert.Equal(packages.Version, dependencies.GetValueOrDefault("CartKit"));
        if (client is not null)
        {
            Assert.Contains(client, dependencies.Keys);
        }

        // A provider never drags in the other one.
        Assert.False(dependencies.ContainsKey("MongoDB.Driver") && dependencies.ContainsKey("StackExchange.Redis"), $"{id} depends on both stores' clients.");
    }

    public static TheoryData<string> Ids() => [.. PackedPackages.Ids];

    private Dictionary<string, string> Dependencies(string id)
    {
        using var package = ZipFile.OpenRead(packages.PackagePath(id));
        var metadata = Metadata(package, id);
        var groups = Element(metadata, "dependencies").Elements().Where(e => e.Name.LocalName == "group").ToList();
        Assert.Equal(["net10.0"], groups.Select(g => (string?)g.Attribute("targetFramework")));
        return groups[0].Elements()
            .Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
    }

    private static XElement Metadata(ZipArchive package, string id)
    {
        var nuspec = package.GetEntry($"{id}.nuspec");
        Assert.NotNull(nuspec);
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)
        ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>.");

    private static string Value(XElement metadata, string name) => Element(metadata, name).Value;
}
