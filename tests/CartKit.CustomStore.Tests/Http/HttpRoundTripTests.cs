using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartKit.Catalog;
using CartKit.CustomStore.Tests.Caching;
using CartKit.CustomStore.Tests.DocumentStore;
using CartKit.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.CustomStore.Tests.Http;

/// <summary>
/// A real ASP.NET Core host with CartKit's routes over the third-party store (and, in one run, its cache), registered
/// through the public seams only: a cart is created, filled, read, checked out twice, paid, and read back, and every
/// document is then found in the store itself.
/// </summary>
public sealed class HttpRoundTripTests
{
    private static readonly CatalogProduct Book = new("BOOK", "A book", new Money(1500, Currency.EUR));
    private static readonly CatalogProduct Pen = new("PEN", "A pen", new Money(250, Currency.EUR));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACartIsBoughtOverHttp_AndEveryWriteLandsInTheCustomStore(bool withCache)
    {
        var database = new DocumentDatabase();
        var cache = new DictionaryCacheMemory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(database);
        var cartKit = builder.Services.AddCartKit()
            .UseInMemoryCatalog([Book, Pen])
            .UseStorage<DocumentCartRepository, DocumentOrderRepository, DocumentIdempotencyKeyStore>();
        if (withCache)
        {
            builder.Services.AddSingleton(cache);
            cartKit.UseCartCache<DictionaryCartCache>();
        }

        await using var app = builder.Build();
        var api = app.MapGroup("/api");
        api.MapCartKit();
        api.MapCartKitPayments();
        await app.StartAsync();
        using var client = app.GetTestClient();

        // Create a cart and fill it.
        using var created = await client.PostAsync("/api/cart", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await created.Content.ReadFromJsonAsync<JsonElement>();
        var sessionId = session.GetProperty("sessionId").GetString()!;
        var cartId = session.GetProperty("cart").GetProperty("cartId").GetString()!;

        using var book = await client.PostAsJsonAsync($"/api/cart/{sessionId}/items", new { sku = "BOOK", quantity = 2 });
        Assert.Equal(HttpStatusCode.OK, book.StatusCode);
        using var pen = await client.PostAsJsonAsync($"/api/cart/{sessionId}/items", new { sku = "PEN" });
        Assert.Equal(HttpStatusCode.OK, pen.StatusCode);

        // Read it: its ETag is its version and its cart's tag.
        using var read = await client.GetAsync($"/api/cart/{sessionId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var cart = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^\"3\\.[A-Za-z0-9_-]{6}\"$", read.Headers.ETag?.Tag);
        Assert.Equal(3, cart.GetProperty("version").GetInt64());
        Assert.Equal(3, cart.GetProperty("itemCount").GetInt32());
        Assert.Equal(3250, cart.GetProperty("total").GetInt64());
        Assert.Equal("EUR", cart.GetProperty("currency").GetString());

        // Check out with an idempotency key (201), then again for the unchanged cart (200, the same order).
        using var checkout = new HttpRequestMessage(HttpMethod.Post, $"/api/cart/{sessionId}/checkout");
        checkout.Headers.Add("Idempotency-Key", "order-attempt-1");
        using var first = await client.SendAsync(checkout);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var orderId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString()!;
        using var second = await client.PostAsync($"/api/cart/{sessionId}/checkout", null);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(orderId, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetString());

        // Pay the order's total, then read the order (paid; the payment reference is only in the payment route's answer)
        // and the cart (completed).
        using var paid = await client.PostAsJsonAsync($"/api/orders/{orderId}/payment", new { paymentReference = "pi_custom_1", amount = 3250, currency = "EUR" });
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal("pi_custom_1", (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentReference").GetString());
        var order = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("paymentReference").ValueKind);
        Assert.Equal(3250, order.GetProperty("total").GetInt64());
        var completed = await client.GetFromJsonAsync<JsonElement>($"/api/cart/{sessionId}");
        Assert.Equal("completed", completed.GetProperty("status").GetString());

        // Every write went through the custom store: its own documents, in its own shape.
        var cartDocument = Assert.Single(database.Carts.Documents().Select(Parse));
        Assert.Equal(cartId, cartDocument.GetProperty("id").GetString());
        Assert.Equal("Completed", cartDocument.GetProperty("status").GetString());
        Assert.Equal(orderId, cartDocument.GetProperty("completedByOrderId").GetString());
        Assert.Equal(["BOOK", "PEN"], cartDocument.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()));
        var orderDocument = Assert.Single(database.Orders.Documents().Select(Parse));
        Assert.Equal(orderId, orderDocument.GetProperty("id").GetString());
        Assert.Equal("Paid", orderDocument.GetProperty("status").GetString());
        Assert.Equal("pi_custom_1", orderDocument.GetProperty("paymentReference").GetString());
        var keyDocument = Assert.Single(database.IdempotencyKeys.Documents().Select(Parse));
        Assert.Equal("order-attempt-1", keyDocument.GetProperty("key").GetString());
        Assert.Equal(orderId, keyDocument.GetProperty("orderId").GetString());

        // And, when configured, through the custom cache: the completed cart and the paid order are cached.
        if (withCache)
        {
            Assert.Equal(CartStatus.Completed, cache.CachedCart(cartId)?.Status);
            Assert.Equal(OrderStatus.Paid, cache.CachedOrder(orderId)?.Status);
        }
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
