using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Packaging;

/// <summary>
/// Adopting CartKit from packages: both packages are packed into a temporary feed under a version no other feed has,
/// a minimal web host outside this repository references them by that version, and it is built, started and driven
/// over HTTP. Only what the packages ship is available to it.
/// </summary>
public sealed partial class ConsumerPackageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cartkit-consumer-").FullName;

    [Fact]
    public async Task AHostReferencingThePackages_RunsTheCartFlow()
    {
        // A version no real feed has, so the restore can only have come from the temporary feed (asserted below too).
        var version = "0.0.0-consumer." + TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        foreach (var project in new[] { "src/CartKit/CartKit.csproj", "src/CartKit.AspNetCore/CartKit.AspNetCore.csproj" })
        {
            await DotnetAsync(RepositoryRoot.Path, $"pack {project} --configuration Release --no-restore -p:Version={version} --output \"{feed}\"");
        }

        var app = Directory.CreateDirectory(Path.Combine(_work, "app")).FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cartkit-under-test" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CartKit" Version="{version}" />
                <PackageReference Include="CartKit.AspNetCore" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "Program.cs"), """
            using CartKit.Catalog;
            using CartKit.Domain;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCartKit().UseInMemoryCatalog([new CatalogProduct("BOOK", "A book", new Money(1500, Currency.EUR))]);

            var app = builder.Build();
            var shop = app.MapGroup("/shop");
            shop.MapCartKit();
            shop.MapCartKitPayments();
            app.Run();
            """);

        var packages = Path.Combine(_work, "packages");
        await DotnetAsync(app, $"build --packages \"{packages}\"");
        AssertRestoredFrom(feed, packages, "cartkit", version);
        AssertRestoredFrom(feed, packages, "cartkit.aspnetcore", version);

        using var host = Process.Start(new ProcessStartInfo("dotnet", $"\"{Path.Combine(app, "bin", "Debug", "net10.0", "Shop.dll")}\" --urls http://127.0.0.1:0")
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(await ListeningAddressAsync(host)) };
            await DriveTheFlowAsync(client);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is not worth failing a test for.
        }
    }

    private static async Task DriveTheFlowAsync(HttpClient client)
    {
        using var created = await client.PostAsync("/shop/cart", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sessionId = (await created.JsonAsync()).GetProperty("sessionId").GetString()!;
        Assert.Equal($"/shop/cart/{sessionId}", created.Headers.Location?.OriginalString);

        using var added = await client.SendJsonAsync(HttpMethod.Post, $"/shop/cart/{sessionId}/items", """{"sku":"BOOK","quantity":2}""");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var cart = await added.JsonAsync();
        Assert.Equal("EUR", cart.GetProperty("currency").GetString());
        Assert.Equal(3000, cart.GetProperty("total").GetInt64());

        using var checkout = await client.PostAsync($"/shop/cart/{sessionId}/checkout", null);
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var orderId = (await checkout.JsonAsync()).GetProperty("orderId").GetString()!;

        using var paid = await client.SendJsonAsync(HttpMethod.Post, $"/shop/orders/{orderId}/payment", """{"paymentReference":"pi_consumer"}""");
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("paid", (await paid.JsonAsync()).GetProperty("status").GetString());

        using var problem = await client.GetAsync("/shop/cart/not-a-session");
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    private static void AssertRestoredFrom(string feed, string packages, string id, string version)
    {
        var metadata = Path.Combine(packages, id, version, ".nupkg.metadata");
        Assert.True(File.Exists(metadata), $"{id} {version} was not restored into {packages}.");
        var source = JsonDocument.Parse(File.ReadAllText(metadata)).RootElement.GetProperty("source").GetString();
        Assert.Equal(Path.TrimEndingDirectorySeparator(feed), Path.TrimEndingDirectorySeparator(source!));
    }

    private static async Task<string> ListeningAddressAsync(Process host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await host.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        host.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The consumer host did not start: " + await host.StandardError.ReadToEndAsync());
    }

    private static async Task DotnetAsync(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"dotnet {arguments} failed:\n{await output}\n{await error}");
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
