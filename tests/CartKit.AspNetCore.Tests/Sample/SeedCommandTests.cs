using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>
/// Runs the real <c>seed</c> command as a process (in-memory default: it seeds, then serves). Seeding deletes what the
/// configured stores hold, so it says what first, and outside Development it needs its flag.
/// </summary>
public sealed partial class SeedCommandTests
{
    private const string ForceFlag = "--yes-delete-everything";

    [Theory]
    [InlineData("Development", "")]
    [InlineData("Testing", " " + ForceFlag)]
    public async Task AfterSeeding_ThePrintedSessionServesANonEmptyCartOverHttp(string environment, string flag)
    {
        // The flag before --urls: the host must not take the flag for a key whose value is "--urls".
        var start = Seed($"seed{flag} --urls http://127.0.0.1:0", environment);
        using var process = Process.Start(start)!;
        try
        {
            string? session = null;
            string? address = null;
            var warned = false;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while ((session is null || address is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                warned |= line.StartsWith("Seeding: deleting first", StringComparison.Ordinal);
                session ??= SessionLine().Match(line) is { Success: true } s ? s.Groups[1].Value : null;
                address ??= ListeningLine().Match(line) is { Success: true } a ? a.Groups[1].Value : null;
            }

            if (session is null || address is null)
            {
                // Only now: reading stderr to the end waits for the process to exit, which a serving host never does.
                process.Kill(entireProcessTree: true);
                Assert.Fail("The seed command printed no session or address. " + await process.StandardError.ReadToEndAsync());
            }

            Assert.True(warned, "The seed command did not say what it deletes before seeding.");
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await client.GetAsync($"/api/cart/{session}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var cart = await response.JsonAsync();
            Assert.Equal(3, cart.GetProperty("items").GetArrayLength());
            Assert.Equal(1999 + (2 * 1250) + (3 * 325), cart.GetProperty("total").GetInt64());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task OutsideDevelopment_WithoutTheFlag_RefusesAndSaysWhatItWouldDelete()
    {
        // Stores that do not exist: a refusal must come before anything connects to them.
        var start = Seed("seed --urls http://127.0.0.1:0", "Production");
        start.Environment["ConnectionStrings__Mongo"] = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=500";
        start.Environment["ConnectionStrings__Redis"] = "127.0.0.1:1,password=not-printed";
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("Refusing to seed in the Production environment: seeding first deletes", stderr, StringComparison.Ordinal);
            Assert.Contains("MongoDB 127.0.0.1:1, database 'cartkit': every document in 'carts', 'orders' and 'idempotencyKeys'", stderr, StringComparison.Ordinal);
            Assert.Contains("Redis 127.0.0.1:1: every key under 'cartkit:'", stderr, StringComparison.Ordinal);
            Assert.Contains(ForceFlag, stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("not-printed", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Seeded", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static ProcessStartInfo Seed(string arguments, string environment) =>
        new("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "CartKit.SampleApi.dll")}\" {arguments}")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "samples", "CartKit.SampleApi"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = environment, ["Logging__LogLevel__Default"] = "Information" },
        };

    [GeneratedRegex(@"^Session: ([A-Za-z0-9_-]{32})$")]
    private static partial Regex SessionLine();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
