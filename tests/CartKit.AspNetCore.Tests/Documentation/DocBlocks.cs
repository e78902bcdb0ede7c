using System.Text.RegularExpressions;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Documentation;

/// <summary>
/// Which code blocks of the docs are tested, and how. A block is tied to its test by a marker on the line right before
/// its fence, <c>&lt;!-- docs-test: NAME --&gt;</c>; this table is the list of markers each file must have, so a block that
/// loses its marker (or a marker that loses its block) fails the tests instead of silently going untested.
/// </summary>
internal static partial class DocBlocks
{
    public const string Readme = "README.md";
    public const string GettingStarted = "docs/getting-started.md";
    public const string HttpApi = "docs/http-api.md";

    public const string ReadmeProgram = "readme/Program.cs";
    public const string ReadmeProviders = "readme/providers.cs";
    public const string Pack = "getting-started/pack.sh";
    public const string NuGetConfig = "getting-started/nuget.config";
    public const string Packages = "getting-started/packages.sh";
    public const string Catalog = "getting-started/catalog.cs";
    public const string Registration = "getting-started/registration.cs";
    public const string ProviderPackages = "getting-started/providers.sh";
    public const string Providers = "getting-started/providers.cs";
    public const string Routes = "getting-started/routes.cs";
    public const string Program = "getting-started/Program.cs";
    public const string Run = "getting-started/run.sh";
    public const string Requests = "getting-started/requests.sh";
    public const string QuickBuy = "getting-started/QuickBuy.cs";
    public const string HttpApiRoutes = "http-api/routes.cs";
    public const string HttpApiSession = "http-api/session.sh";
    public const string HttpApiSignIn = "http-api/sign-in.sh";

    public static readonly IReadOnlyDictionary<string, string[]> ExpectedMarkers = new Dictionary<string, string[]>
    {
        [Readme] = [ReadmeProgram, ReadmeProviders],
        [GettingStarted] = [Pack, NuGetConfig, Packages, Catalog, Registration, ProviderPackages, Providers, Routes, Program, Run, Requests, QuickBuy],
        [HttpApi] = [HttpApiRoutes, HttpApiSignIn, HttpApiSession],
    };

    /// <summary>Step snippets that show part of a whole listing: each must appear in it verbatim (a <c>// ...</c> line elides).</summary>
    public static readonly IReadOnlyList<(string File, string Excerpt, string ListingFile, string Listing)> Excerpts =
    [
        (GettingStarted, Catalog, GettingStarted, Program),
        (GettingStarted, Registration, GettingStarted, Program),
        (GettingStarted, Routes, GettingStarted, Program),
        (HttpApi, HttpApiRoutes, GettingStarted, Program),
    ];

    public static string Code(string file, string marker) => MarkdownBlocks.Marked(file, marker).Code;

    /// <summary>The package ids a block adds with <c>dotnet add package ID</c>, in order.</summary>
    public static IReadOnlyList<string> PackagesAdded(string file, string marker)
    {
        var ids = AddPackage().Matches(Code(file, marker)).Select(m => m.Groups["id"].Value).ToList();
        Assert.True(ids.Count > 0, $"{file}: the block marked {marker} adds no package.");
        return ids;
    }

    /// <summary>
    /// The listing with its <c>builder.Services.AddCartKit(...)</c> registration replaced by another one (a block that
    /// shows the same registration with the providers chained on). Fails unless the listing has exactly one.
    /// </summary>
    public static string WithRegistration(string listing, string registration)
    {
        var statements = RegistrationStatement().Matches(listing);
        Assert.True(statements.Count == 1, $"The listing must have exactly one builder.Services.AddCartKit(...) statement (found {statements.Count}).");
        Assert.Single(RegistrationStatement().Matches(registration));
        return listing.Replace(statements[0].Value, registration.TrimEnd('\n'), StringComparison.Ordinal);
    }

    /// <summary>
    /// A listing of top-level statements as a static method of a class of its own, so several listings can be compiled
    /// in one project: its leading <c>using</c> lines stay at the top of the file, the rest becomes the method's body.
    /// </summary>
    public static string AsMethod(string listing, string className)
    {
        var lines = listing.Split('\n');
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0).ToList();
        var body = lines.Skip(usings.Count).Select(l => l.Length == 0 ? l : "        " + l);
        return $$"""
            {{string.Join('\n', usings).Trim()}}

            internal static class {{className}}
            {
                public static void Run(string[] args)
                {
            {{string.Join('\n', body).TrimEnd()}}
                }
            }

            """;
    }

    /// <summary>Asserts that every chunk of the excerpt (chunks are separated by <c>// ...</c> lines) appears in the listing, in order.</summary>
    public static void AssertIsExcerptOf(string excerpt, string listing, string what)
    {
        var from = 0;
        foreach (var chunk in Regex.Split(excerpt, @"^// \.\.\.\n", RegexOptions.Multiline).Where(c => c.Trim().Length > 0))
        {
            var at = listing.IndexOf(chunk, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{what} is no longer an excerpt of the whole listing; this part differs:\n{chunk}");
            from = at + chunk.Length;
        }
    }

    [GeneratedRegex(@"^\s*dotnet add package (?<id>[\w.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AddPackage();

    [GeneratedRegex(@"^builder\.Services\.AddCartKit\(.*?;[ \t]*(//[^\n]*)?$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex RegistrationStatement();
}
