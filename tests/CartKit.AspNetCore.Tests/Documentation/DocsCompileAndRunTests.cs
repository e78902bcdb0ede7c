using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using CartKit.AspNetCore.Tests.TestSupport;
using Xunit.Abstractions;

namespace CartKit.AspNetCore.Tests.Documentation;

/// <summary>
/// A newcomer's first hour, from the docs alone: the code blocks of README.md, docs/getting-started.md and
/// docs/http-api.md are taken out of the Markdown (by their <c>docs-test</c> markers, see <see cref="DocBlocks"/>), put
/// into apps outside this repository that reference the packed packages through the getting-started nuget.config,
/// built with warnings as errors, started on a free loopback port, and driven over HTTP, the shell sessions with bash
/// and curl exactly as printed (only the address changes).
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed partial class DocsCompileAndRunTests(PackedPackages packages, ITestOutputHelper output)
{
    private const string SecretHeader = "X-Payment-Secret";

    [Fact]
    public async Task TheReadmeQuickStart_BuildsAsPasted_AndServesACartThroughCheckout()
    {
        var started = Stopwatch.StartNew();
        var app = await ConsumerApp.CreateAsync(packages, "ReadmeQuickStart", ["CartKit", "CartKit.AspNetCore"], GettingStartedNuGetConfig());
        await app.WriteFileAsync("Program.cs", DocBlocks.Code(DocBlocks.Readme, DocBlocks.ReadmeProgram));
        await app.BuildAsync();
        app.AssertRestoredFromTheFeed("CartKit");
        app.AssertRestoredFromTheFeed("CartKit.AspNetCore");

        await using var host = await app.StartAsync();
        var client = host.Client;
        var sessionId = await CreateCartAsync(client);
        await AddItemAsync(client, sessionId, "MUG", expectedTotal: 1250);
        var orderId = await CheckoutAsync(client, sessionId);

        using var order = await client.GetAsync($"/api/orders/{orderId}");
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.Equal("pendingPayment", (await order.JsonAsync()).GetProperty("status").GetString());

        // The quick start leaves the payment route out (README says why): nothing can mark the order paid.
        using var payment = await PayAsync(client, orderId, secret: null);
        Assert.Equal(HttpStatusCode.NotFound, payment.StatusCode);
        output.WriteLine($"README quick start: built, started and driven in {started.Elapsed.TotalSeconds:0.0} s.");
    }

    [Fact]
    public async Task TheGettingStartedHost_BuildsAsPasted_ProtectsPayments_AndItsRequestsWorkAsPrinted()
    {
        var started = Stopwatch.StartNew();
        var app = await ConsumerApp.CreateAsync(
            packages,
            "Shop",
            DocBlocks.PackagesAdded(DocBlocks.GettingStarted, DocBlocks.Packages),
            GettingStartedNuGetConfig());
        await app.WriteFileAsync("Program.cs", DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Program));
        await app.WriteFileAsync("QuickBuy.cs", DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.QuickBuy));
        await app.BuildAsync();

        // Started with the environment the run block gives it (PaymentApiKey=...).
        var run = RunWith().Match(DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Run).Trim());
        Assert.True(run.Success, "The run block must be 'NAME=VALUE dotnet run'.");
        var secret = run.Groups["value"].Value;
        await using var host = await app.StartAsync(new Dictionary<string, string> { [run.Groups["name"].Value] = secret });
        var client = host.Client;

        var sessionId = await CreateCartAsync(client);
        await AddItemAsync(client, sessionId, "MUG-CARTKIT", expectedTotal: 1250);
        var orderId = await CheckoutAsync(client, sessionId);

        foreach (var wrong in new[] { null, string.Empty, secret + "x", secret.ToUpperInvariant() })
        {
            using var refused = await PayAsync(client, orderId, wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        using (var paid = await PayAsync(client, orderId, secret))
        {
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
            Assert.Equal("paid", (await paid.JsonAsync()).GetProperty("status").GetString());
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        }

        // Problem details: an error the framework raises itself is problem+json too.
        using (var unknown = await client.GetAsync("/api/no-such-route"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        }

        var printed = await RunShellBlockAsync(DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Requests), client.BaseAddress!);
        Assert.Matches("\"status\":\"paid\".*\"paymentReference\":\"pi_123\"", printed);
        output.WriteLine($"getting-started host: built, started and driven in {started.Elapsed.TotalSeconds:0.0} s.");
    }

    [Fact]
    public async Task TheProviderSnippets_BuildWithTheProviderPackagesTheDocsName()
    {
        var started = Stopwatch.StartNew();
        var app = await ConsumerApp.CreateAsync(
            packages,
            "WithProviders",
            [.. DocBlocks.PackagesAdded(DocBlocks.GettingStarted, DocBlocks.Packages), .. DocBlocks.PackagesAdded(DocBlocks.GettingStarted, DocBlocks.ProviderPackages)],
            GettingStartedNuGetConfig());

        // Built, not run: the stores need a MongoDB server. Each listing becomes a method, so one project compiles both.
        await app.WriteFileAsync("Program.cs", "// Compile-only: the docs' listings with the providers chained on are methods of their own.\nreturn;\n");
        await app.WriteFileAsync("ReadmeWithProviders.cs", DocBlocks.AsMethod(
            DocBlocks.WithRegistration(DocBlocks.Code(DocBlocks.Readme, DocBlocks.ReadmeProgram), DocBlocks.Code(DocBlocks.Readme, DocBlocks.ReadmeProviders)),
            "ReadmeWithProviders"));
        await app.WriteFileAsync("GettingStartedWithProviders.cs", DocBlocks.AsMethod(
            DocBlocks.WithRegistration(DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Program), DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.Providers)),
            "GettingStartedWithProviders"));
        await app.BuildAsync();
        app.AssertRestoredFromTheFeed("CartKit.MongoDB");
        app.AssertRestoredFromTheFeed("CartKit.Redis");
        output.WriteLine($"provider snippets: built in {started.Elapsed.TotalSeconds:0.0} s.");
    }

    [Fact]
    public async Task TheHttpApiExampleSession_WorksAsPrinted_AgainstTheSampleInDevelopment()
    {
        // The sample as `dotnet run --project samples/CartKit.SampleApi` runs it (Development), from the test run's build.
        var sample = Path.Combine(RepositoryRoot.Path, "samples", "CartKit.SampleApi");
        var configuration = typeof(DocsCompileAndRunTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(sample, "bin", configuration, "net10.0", "CartKit.SampleApi.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:0 --contentRoot \"{sample}\"")
        {
            WorkingDirectory = sample,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
        };
        await using var host = await RunningApp.StartAsync(start);

        var printed = await RunShellBlockAsync(DocBlocks.Code(DocBlocks.HttpApi, DocBlocks.HttpApiSession), host.Client.BaseAddress!);

        Assert.Contains("\"sku\":\"MUG-CARTKIT\"", printed, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"VAT DE 19%\",\"amount\":521}", printed, StringComparison.Ordinal);
        Assert.Contains("\"total\":3261", printed, StringComparison.Ordinal);
        Assert.Matches("\"status\":\"paid\".*\"total\":3261.*\"paymentReference\":\"pi_123\"", printed);
    }

    [Fact]
    public async Task TheSignInSession_WorksAsPrinted_AgainstTheSampleInDevelopment()
    {
        // As a reader would: a token first (which creates the signing key), then the sample in Development, then the
        // block. dotnet user-jwts runs in a sandbox (a copy of the sample's files, HOME there too) so that neither the
        // repository nor this machine's user secrets change; the sample reads its user secrets from that HOME.
        var jwts = UserJwts.CreateSandbox();
        try
        {
            await jwts.CreateTokenAsync("reader");
            var sample = Path.Combine(RepositoryRoot.Path, "samples", "CartKit.SampleApi");
            var configuration = typeof(DocsCompileAndRunTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var dll = Path.Combine(sample, "bin", configuration, "net10.0", "CartKit.SampleApi.dll");
            var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:0 --contentRoot \"{sample}\"")
            {
                WorkingDirectory = sample,
                Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            };
            foreach (var (name, value) in UserJwts.Environment(jwts.Home))
            {
                start.Environment[name] = value;
            }

            await using var host = await RunningApp.StartAsync(start);

            var printed = await RunShellBlockAsync(DocBlocks.Code(DocBlocks.HttpApi, DocBlocks.HttpApiSignIn), host.Client.BaseAddress!, jwts.Root, UserJwts.Environment(jwts.Home));

            // Two answers (curl prints no newline): the guest's cart with the mugs, then that cart read with alice's
            // token, now hers. Her first token in this sandbox, so she had no cart: the guest cart was adopted.
            var carts = printed.Replace("}{", "}\n{", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, carts.Length);
            using var guest = JsonDocument.Parse(carts[0]);
            using var alices = JsonDocument.Parse(carts[1]);
            Assert.Equal(guest.RootElement.GetProperty("cartId").GetString(), alices.RootElement.GetProperty("cartId").GetString());
            Assert.Equal(2, alices.RootElement.GetProperty("itemCount").GetInt32());
            Assert.True(alices.RootElement.GetProperty("version").GetInt64() > guest.RootElement.GetProperty("version").GetInt64(), "signing in records alice on the cart");
        }
        finally
        {
            Directory.Delete(jwts.Root, recursive: true);
        }
    }

    // The nuget.config exactly as getting-started prints it: the feed is found at its relative path or not at all.
    private static string GettingStartedNuGetConfig() => DocBlocks.Code(DocBlocks.GettingStarted, DocBlocks.NuGetConfig);

    private static async Task<string> CreateCartAsync(HttpClient client)
    {
        using var created = await client.PostAsync("/api/cart", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sessionId = (await created.JsonAsync()).GetProperty("sessionId").GetString()!;
        Assert.Equal($"/api/cart/{sessionId}", created.Headers.Location?.OriginalString);
        return sessionId;
    }

    private static async Task AddItemAsync(HttpClient client, string sessionId, string sku, long expectedTotal)
    {
        using var added = await client.SendJsonAsync(HttpMethod.Post, $"/api/cart/{sessionId}/items", $$"""{"sku":"{{sku}}","quantity":1}""");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.NotNull(added.Headers.ETag);
        Assert.Equal(expectedTotal, (await added.JsonAsync()).GetProperty("total").GetInt64());
    }

    private static async Task<string> CheckoutAsync(HttpClient client, string sessionId)
    {
        using var checkout = await client.PostAsync($"/api/cart/{sessionId}/checkout", null);
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        return (await checkout.JsonAsync()).GetProperty("orderId").GetString()!;
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient client, string orderId, string? secret) =>
        client.SendJsonAsync(
            HttpMethod.Post,
            $"/api/orders/{orderId}/payment",
            """{"paymentReference":"pi_docs","amount":1250,"currency":"USD"}""",
            secret is null ? [] : [(SecretHeader, secret)]);

    // Runs a shell block with bash as printed, with its `B=` line pointed at the running host's /api.
    private static Task<string> RunShellBlockAsync(string block, Uri host) => RunShellBlockAsync(block, host, RepositoryRoot.Path, []);

    private static async Task<string> RunShellBlockAsync(string block, Uri host, string workingDirectory, IEnumerable<(string Name, string? Value)> environment)
    {
        var lines = block.Split('\n');
        Assert.Single(lines, l => l.StartsWith("B=", StringComparison.Ordinal));
        var script = string.Join('\n', lines.Select(l => l.StartsWith("B=", StringComparison.Ordinal) ? $"B={host.GetLeftPart(UriPartial.Authority)}/api" : l));

        var (exit, printed, error) = await ProcessRunner.RunAsync(
            "bash",
            "-e -s",
            "Install bash and curl: apt-get install -y curl",
            "command -v curl >/dev/null || { echo 'curl is not installed: apt-get install -y curl' >&2; exit 127; }\n" + script,
            workingDirectory,
            environment);
        Assert.True(exit == 0, $"The block failed (exit {exit}):\n{script}\n{printed}\n{error}");
        return printed;
    }

    [GeneratedRegex(@"^(?<name>\w+)=(?<value>\S+) dotnet run$")]
    private static partial Regex RunWith();
}
