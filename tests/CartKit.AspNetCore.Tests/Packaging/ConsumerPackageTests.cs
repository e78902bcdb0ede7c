using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Packaging;

/// <summary>
/// Adopting CartKit from packages: a minimal web host outside this repository references the packed CartKit and
/// CartKit.AspNetCore by a version only the temporary feed has, maps the routes into a group of its own choosing, and
/// is built, started and driven over HTTP. Only what the packages ship is available to it.
/// </summary>
[Collection(PackedPackagesGroup.Name)]
public sealed class ConsumerPackageTests(PackedPackages packages)
{
    [Fact]
    public async Task AHostReferencingThePackages_RunsTheCartFlow()
    {
        var app = await ConsumerApp.CreateAsync(packages, "Shop", ["CartKit", "CartKit.AspNetCore"]);
        await app.WriteFileAsync("Program.cs", """
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

        await app.BuildAsync();
        app.AssertRestoredFromTheFeed("CartKit");
        app.AssertRestoredFromTheFeed("CartKit.AspNetCore");

        await using var host = await app.StartAsync();
        await DriveTheFlowAsync(host.Client);
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

        using var paid = await client.SendJsonAsync(HttpMethod.Post, $"/shop/orders/{orderId}/payment", """{"paymentReference":"pi_consumer","amount":3000,"currency":"EUR"}""");
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("paid", (await paid.JsonAsync()).GetProperty("status").GetString());

        using var problem = await client.GetAsync("/shop/cart/not-a-session");
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }
}
