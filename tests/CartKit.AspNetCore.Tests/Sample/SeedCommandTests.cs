using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>Runs the real <c>seed</c> command as a process (in-memory default: it seeds, then serves).</summary>
public sealed partial class SeedCommandTests
{
    [Fact]
    public async Task AfterSeeding_ThePrintedSessionServesANonEmptyCartOverHttp()
    {
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "CartKit.SampleApi.dll")}\" seed --urls http://127.0.0.1:0")
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "samples", "CartKit.SampleApi"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["Logging__LogLevel__Default"] = "Information" },
        };
        using var process = Process.Start(start)!;
        try
        {
            string? session = null;
            string? address = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while ((session is null || address is null) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                session ??= SessionLine().Match(line) is { Success: true } s ? s.Groups[1].Value : null;
                address ??= ListeningLine().Match(line) is { Success: true } a ? a.Groups[1].Value : null;
            }

            if (session is null || address is null)
            {
                // Only now: reading stderr to the end waits for the process to exit, which a serving host never does.
                process.Kill(entireProcessTree: true);
                Assert.Fail("The seed command printed no session or address. " + await process.StandardError.ReadToEndAsync());
            }

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

    [GeneratedRegex(@"^Session: ([A-Za-z0-9_-]{32})$")]
    private static partial Regex SessionLine();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
