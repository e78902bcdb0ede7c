using System.Net;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Carts;

/// <summary>The cart rows of the HTTP contract, against the real sample host.</summary>
public abstract class CartRoutesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    protected HttpClient Client { get; } = factory.CreateClient();

    [Fact]
    public async Task PostCart_Creates201WithTheSessionItsExpiryAndAnEmptyCart()
    {
        using var response = await Client.PostAsync("/api/cart", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var sessionId = body.GetProperty("sessionId").GetString()!;
        Assert.Equal($"/api/cart/{sessionId}", response.Headers.Location?.OriginalString);
        Assert.Equal(Api.ETag(body.GetProperty("cart")), response.Headers.ETag?.Tag);
        Assert.Matches("^\"1\\.[A-Za-z0-9_-]{6}\"$", response.Headers.ETag?.Tag);
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > TimeProvider.System.GetUtcNow().AddMinutes(29));
        var cart = body.GetProperty("cart");
        Assert.Equal("active", cart.GetProperty("status").GetString());
        Assert.Equal("USD", cart.GetProperty("currency").GetString());
        Assert.Equal(1, cart.GetProperty("version").GetInt64());
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(0, cart.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task GetCart_ReturnsTheCartWithItsVersionAsETag_AndIsNeverCached()
    {
        var (sessionId, created) = await Client.CreateCartAsync();

        using var response = await Client.GetAsync($"/api/cart/{sessionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Api.ETag(1, created.GetProperty("cartId").GetString()!), response.Headers.ETag?.Tag);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var cart = await response.JsonAsync();
        Assert.Equal(created.GetProperty("cartId").GetString(), cart.GetProperty("cartId").GetString());
        Assert.Equal(
            ["cartId", "status", "currency", "version", "items", "adjustments", "itemCount", "subtotal", "total", "createdAt", "updatedAt", "warnings", "details"],
            cart.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task GetCart_SendsItsLength_SoTheBodyIsNotChunked()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        using var added = await Client.AddItemAsync(sessionId, "MUG-CARTKIT");

        using var response = await Client.GetAsync($"/api/cart/{sessionId}");

        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal("MUG-CARTKIT", JsonDocument.Parse(body).RootElement.GetProperty("items")[0].GetProperty("sku").GetString());
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-session")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%01%7F")]
    public async Task GetCart_OfAnUnknownOrMalformedSession_Is404(string sessionId)
    {
        using var response = await Client.GetAsync($"/api/cart/{sessionId}");

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
    }

    [Fact]
    public async Task AddItem_PricesFromTheCatalog_AndIgnoresPricesTheCallerSends()
    {
        var (sessionId, _) = await Client.CreateCartAsync();

        using var response = await Client.SendJsonAsync(
            HttpMethod.Post,
            $"/api/cart/{sessionId}/items",
            """{"sku":"MUG-CARTKIT","quantity":2,"unitPrice":1,"name":"Free mug","lineTotal":0}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cart = await response.JsonAsync();
        Assert.Equal(Api.ETag(2, cart.GetProperty("cartId").GetString()!), response.Headers.ETag?.Tag);
        var item = cart.GetProperty("items")[0];
        Assert.Equal("CartKit mug", item.GetProperty("name").GetString());
        Assert.Equal(1250, item.GetProperty("unitPrice").GetInt64());
        Assert.Equal(2500, item.GetProperty("lineTotal").GetInt64());
        Assert.Equal(2, item.GetProperty("quantity").GetInt32());
        Assert.Equal(2500, cart.GetProperty("total").GetInt64());
        Assert.Equal(2, cart.GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task AddItem_WithoutAQuantity_AddsOne_AndTheSameSkuMergesIntoOneLine()
    {
        var (sessionId, _) = await Client.CreateCartAsync();

        (await Client.SendJsonAsync(HttpMethod.Post, $"/api/cart/{sessionId}/items", """{"sku":"CAP-NAVY"}""")).Dispose();
        using var response = await Client.AddItemAsync(sessionId, "CAP-NAVY", 2);

        var item = Assert.Single((await response.JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(3, item.GetProperty("quantity").GetInt32());
    }

    [Theory]
    [InlineData("NO-SUCH-SKU", CartKitProblemTypes.ProductNotFound)]
    [InlineData("POSTER-A2", CartKitProblemTypes.ProductUnavailable)]
    public async Task AddItem_OfAProductThatCannotBeSold_Is422(string sku, string type)
    {
        var (sessionId, _) = await Client.CreateCartAsync();

        using var response = await Client.AddItemAsync(sessionId, sku);

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, type);
    }

    [Fact]
    public async Task AddItem_BeyondTheLimits_Is422()
    {
        var (sessionId, _) = await Client.CreateCartAsync();

        using var tooMany = await Client.AddItemAsync(sessionId, "MUG-CARTKIT", 100);

        await ProblemAssert.IsAsync(tooMany, HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.QuantityLimitExceeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task AddItem_WithAQuantityBelowOne_Is400NamingTheField(int quantity)
    {
        var (sessionId, _) = await Client.CreateCartAsync();

        using var response = await Client.AddItemAsync(sessionId, "MUG-CARTKIT", quantity);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "quantity");
    }

    [Fact]
    public async Task AddItem_ToAnUnknownSession_Is404()
    {
        using var response = await Client.AddItemAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "MUG-CARTKIT");

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
    }

    [Fact]
    public async Task PatchItem_ChangesTheQuantity_AndZeroRemovesTheLine()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        var itemId = await AddAndGetItemIdAsync(sessionId, "MUG-CARTKIT");

        using var changed = await Client.SetQuantityAsync(sessionId, itemId, 5);
        Assert.Equal(5, (await changed.JsonAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());

        using var removed = await Client.SetQuantityAsync(sessionId, itemId, 0);
        Assert.Equal(0, (await removed.JsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task PatchItem_Errors_FollowTheContract()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        var itemId = await AddAndGetItemIdAsync(sessionId, "MUG-CARTKIT");

        await ProblemAssert.IsAsync(await Client.SetQuantityAsync(sessionId, "AAAAAAAAAAAA", 1), HttpStatusCode.NotFound, CartKitProblemTypes.ItemNotFound);
        await ProblemAssert.IsAsync(await Client.SetQuantityAsync(sessionId, itemId, -1), HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "quantity");
        await ProblemAssert.IsAsync(await Client.SetQuantityAsync(sessionId, itemId, 100), HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.QuantityLimitExceeded);
        await ProblemAssert.IsAsync(
            await Client.SendJsonAsync(HttpMethod.Patch, $"/api/cart/{sessionId}/items/{itemId}", "{}"),
            HttpStatusCode.BadRequest,
            CartKitProblemTypes.Validation,
            "quantity");
    }

    [Fact]
    public async Task DeleteItem_RemovesTheLine_And404sForAnUnknownItem()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        var itemId = await AddAndGetItemIdAsync(sessionId, "MUG-CARTKIT");

        using var removed = await Client.DeleteAsync($"/api/cart/{sessionId}/items/{itemId}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(0, (await removed.JsonAsync()).GetProperty("items").GetArrayLength());

        await ProblemAssert.IsAsync(await Client.DeleteAsync($"/api/cart/{sessionId}/items/{itemId}"), HttpStatusCode.NotFound, CartKitProblemTypes.ItemNotFound);
        await ProblemAssert.IsAsync(
            await Client.DeleteAsync($"/api/cart/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/items/{itemId}"),
            HttpStatusCode.NotFound,
            CartKitProblemTypes.SessionNotFound);
    }

    [Fact]
    public async Task DeleteItems_EmptiesTheCart_WhichStaysTheSessionsAndEditable()
    {
        var (sessionId, created) = await Client.CreateCartAsync();
        await AddAndGetItemIdAsync(sessionId, "MUG-CARTKIT");
        await AddAndGetItemIdAsync(sessionId, "CAP-NAVY");

        using var cleared = await Client.DeleteAsync($"/api/cart/{sessionId}/items");

        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.True(cleared.Headers.CacheControl?.NoStore);
        var cart = await cleared.JsonAsync();
        Assert.Equal(created.GetProperty("cartId").GetString(), cart.GetProperty("cartId").GetString());
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(0, cart.GetProperty("total").GetInt64());
        Assert.Equal(4, Version(cart));
        Assert.Equal(cleared.Headers.ETag, (await Client.GetAsync($"/api/cart/{sessionId}")).Headers.ETag);
        Assert.Equal(0, (await Client.GetCartAsync(sessionId)).GetProperty("itemCount").GetInt32());

        // Clearing an empty cart writes nothing; the cart is still editable.
        using var again = await Client.DeleteAsync($"/api/cart/{sessionId}/items");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(4, Version(await again.JsonAsync()));
        Assert.Equal(cleared.Headers.ETag, again.Headers.ETag);
        using var added = await Client.AddItemAsync(sessionId, "MUG-CARTKIT");
        Assert.Equal(5, Version(await added.JsonAsync()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?x=1")]
    [InlineData("//")]
    public async Task DeletingALineWithAnEmptyItemId_Is404_AndNeverEmptiesTheCart(string suffix)
    {
        // ".../items/" is the remove-line route with its item id missing, though routing would take it for ".../items".
        var (sessionId, _) = await Client.CreateCartAsync();
        await AddAndGetItemIdAsync(sessionId, "MUG-CARTKIT");

        using var response = await Client.DeleteAsync($"/api/cart/{sessionId}/items{suffix}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await Client.GetCartAsync(sessionId)).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-session")]
    public async Task DeleteItems_OfAnUnknownSession_Is404(string sessionId)
    {
        using var response = await Client.DeleteAsync($"/api/cart/{sessionId}/items");

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
    }

    [Fact]
    public async Task DeleteItems_OfACompletedCart_Is409_AndTheOrderKeepsItsLines()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        await AddAndGetItemIdAsync(sessionId, "MUG-CARTKIT");
        using var checkout = await Client.CheckoutAsync(sessionId);
        var orderId = (await checkout.JsonAsync()).GetProperty("orderId").GetString()!;
        (await Client.PayAsync(orderId, "pi_clear")).EnsureSuccessStatusCode();

        using var response = await Client.DeleteAsync($"/api/cart/{sessionId}/items");

        await ProblemAssert.IsAsync(response, HttpStatusCode.Conflict, CartKitProblemTypes.CartCompleted);
        var cart = await Client.GetCartAsync(sessionId);
        Assert.Equal(1, cart.GetProperty("items").GetArrayLength());
        Assert.Equal("completed", cart.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AChangedCompletedCart_Is409()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        await AddAndGetItemIdAsync(sessionId, "MUG-CARTKIT");
        using var checkout = await Client.CheckoutAsync(sessionId);
        var orderId = (await checkout.JsonAsync()).GetProperty("orderId").GetString()!;
        (await Client.PayAsync(orderId, "pi_1")).EnsureSuccessStatusCode();

        Assert.Equal("completed", (await Client.GetCartAsync(sessionId)).GetProperty("status").GetString());
        await ProblemAssert.IsAsync(await Client.AddItemAsync(sessionId, "MUG-CARTKIT"), HttpStatusCode.Conflict, CartKitProblemTypes.CartCompleted);
        await ProblemAssert.IsAsync(await Client.CheckoutAsync(sessionId), HttpStatusCode.Conflict, CartKitProblemTypes.CartCompleted);
    }

    [Fact]
    public async Task ASignedInUser_IsAttachedToTheSessionsCart_WhichNoOtherIdentityCanRead()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        (await Client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();

        using var signedIn = await Client.AddItemAsync(sessionId, "CAP-NAVY", user: "alice");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(2, (await signedIn.JsonAsync()).GetProperty("items").GetArrayLength());

        await ProblemAssert.IsAsync(await Client.GetAsync($"/api/cart/{sessionId}"), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
        using var asBob = new HttpRequestMessage(HttpMethod.Get, $"/api/cart/{sessionId}") { Headers = { { SampleApiFactory.TestUserHeader, "bob" } } };
        await ProblemAssert.IsAsync(await Client.SendAsync(asBob), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);

        // Alice's other device joins the same cart.
        var (otherDevice, cart) = await Client.CreateCartAsync(user: "alice");
        Assert.NotEqual(sessionId, otherDevice);
        Assert.Equal(2, cart.GetProperty("itemCount").GetInt32());
    }

    protected async Task<string> AddAndGetItemIdAsync(string sessionId, string sku)
    {
        using var response = await Client.AddItemAsync(sessionId, sku);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.JsonAsync()).GetProperty("items");
        return items.EnumerateArray().First(i => i.GetProperty("sku").GetString() == sku).GetProperty("itemId").GetString()!;
    }

    protected static long Version(JsonElement cart) => cart.GetProperty("version").GetInt64();
}

public sealed class InMemoryCartRoutesTests(SampleApiFactory factory) : CartRoutesTests<SampleApiFactory>(factory);
