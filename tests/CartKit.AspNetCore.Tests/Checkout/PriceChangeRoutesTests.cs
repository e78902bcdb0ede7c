using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Checkout;

/// <summary>
/// A price change is never silent: the sample's admin route changes a price, and the next checkout answers 409 with the
/// list before it creates an order at the new price. Each test class gets its own host, so prices never leak between them.
/// </summary>
public sealed class PriceChangeRoutesTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Checkout_AfterAPriceChange_Is409WithTheChanges_ThenSucceedsAtTheNewPrice()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        using var added = await _client.AddItemAsync(sessionId, "STICKER-PACK", 2);
        var itemId = (await added.JsonAsync()).GetProperty("items")[0].GetProperty("itemId").GetString();
        (await UpdateAsync("STICKER-PACK", """{"unitPrice":400,"available":true}""")).Dispose();

        using var refused = await _client.CheckoutAsync(sessionId);

        var problem = await ProblemAssert.IsAsync(refused, HttpStatusCode.Conflict, CartKitProblemTypes.PriceChanged);
        var change = Assert.Single(problem.GetProperty("priceChanges").EnumerateArray());
        Assert.Equal(itemId, change.GetProperty("itemId").GetString());
        Assert.Equal("STICKER-PACK", change.GetProperty("sku").GetString());
        Assert.Equal(325, change.GetProperty("previousUnitPrice").GetInt64());
        Assert.Equal(400, change.GetProperty("unitPrice").GetInt64());
        Assert.True(change.GetProperty("available").GetBoolean());
        Assert.Equal(800, (await _client.GetCartAsync(sessionId)).GetProperty("total").GetInt64());

        using var accepted = await _client.CheckoutAsync(sessionId);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(800, (await accepted.JsonAsync()).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Checkout_AfterAProductWentOutOfSale_ListsIt_AndRemovesItsLine()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "HOODIE-GRY-L")).Dispose();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        (await UpdateAsync("HOODIE-GRY-L", """{"unitPrice":4900,"available":false}""")).Dispose();

        var problem = await ProblemAssert.IsAsync(await _client.CheckoutAsync(sessionId), HttpStatusCode.Conflict, CartKitProblemTypes.PriceChanged);

        var change = Assert.Single(problem.GetProperty("priceChanges").EnumerateArray());
        Assert.Equal("HOODIE-GRY-L", change.GetProperty("sku").GetString());
        Assert.False(change.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, change.GetProperty("unitPrice").ValueKind);
        var cart = await _client.GetCartAsync(sessionId);
        Assert.Equal(["MUG-CARTKIT"], cart.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        (await UpdateAsync("HOODIE-GRY-L", """{"unitPrice":4900,"available":true}""")).Dispose();
    }

    [Fact]
    public async Task TheAdminRoute_RequiresTheKey_AndValidatesItsBody()
    {
        using var withoutKey = await _client.SendJsonAsync(HttpMethod.Put, "/api/products/CAP-NAVY", """{"unitPrice":100,"available":true}""");
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal("application/problem+json", withoutKey.Content.Headers.ContentType?.MediaType);
        using var wrongKey = await _client.SendJsonAsync(HttpMethod.Put, "/api/products/CAP-NAVY", """{"unitPrice":100,"available":true}""", [("X-Admin-Key", "nope")]);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        await ProblemAssert.IsAsync(await UpdateAsync("NO-SUCH-SKU", """{"unitPrice":100,"available":true}"""), HttpStatusCode.NotFound, CartKitProblemTypes.ProductNotFound);
        await ProblemAssert.IsAsync(await UpdateAsync("CAP-NAVY", """{"unitPrice":-1,"available":true}"""), HttpStatusCode.BadRequest, CartKitProblemTypes.Validation);
        await ProblemAssert.IsAsync(await UpdateAsync("CAP-NAVY", """{"unitPrice":100}"""), HttpStatusCode.BadRequest, CartKitProblemTypes.Validation);

        var products = await _client.GetFromJsonAsync<JsonElement>("/api/products");
        Assert.Equal(2400, products.EnumerateArray().Single(p => p.GetProperty("sku").GetString() == "CAP-NAVY").GetProperty("unitPrice").GetInt64());
    }

    private Task<HttpResponseMessage> UpdateAsync(string sku, string body) =>
        _client.SendJsonAsync(HttpMethod.Put, $"/api/products/{sku}", body, [("X-Admin-Key", SampleApiFactory.AdminKey)]);
}

/// <summary>With no admin key configured, the product admin route does not exist.</summary>
public sealed class ProductAdminWithoutKeyTests(SampleApiWithoutAdminKeyFactory factory) : IClassFixture<SampleApiWithoutAdminKeyFactory>
{
    [Fact]
    public async Task TheRoute_IsNotMapped()
    {
        using var client = factory.CreateClient();

        using var response = await client.SendJsonAsync(HttpMethod.Put, "/api/products/CAP-NAVY", """{"unitPrice":100,"available":true}""", [("X-Admin-Key", "")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
