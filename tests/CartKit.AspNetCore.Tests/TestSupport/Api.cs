using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartKit.Carts;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>Small helpers over HttpClient that speak the sample's API, so tests read as the flow they check.</summary>
public static class Api
{
    public static async Task<(string SessionId, JsonElement Cart)> CreateCartAsync(this HttpClient client, string? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cart");
        if (user is not null)
        {
            request.Headers.Add(SampleApiFactory.TestUserHeader, user);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("sessionId").GetString()!, body.GetProperty("cart"));
    }

    public static Task<HttpResponseMessage> AddItemAsync(this HttpClient client, string sessionId, string sku, int quantity = 1, string? ifMatch = null, string? user = null) =>
        client.SendJsonAsync(HttpMethod.Post, $"/api/cart/{sessionId}/items", $$"""{"sku":"{{sku}}","quantity":{{quantity}}}""", headers(ifMatch, user));

    public static Task<HttpResponseMessage> SetQuantityAsync(this HttpClient client, string sessionId, string itemId, int quantity, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Patch, $"/api/cart/{sessionId}/items/{itemId}", $$"""{"quantity":{{quantity}}}""", headers(ifMatch, null));

    public static Task<HttpResponseMessage> CheckoutAsync(this HttpClient client, string sessionId, string? idempotencyKey = null, string? user = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cart/{sessionId}/checkout");
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (user is not null)
        {
            request.Headers.Add(SampleApiFactory.TestUserHeader, user);
        }

        return client.SendAsync(request);
    }

    // Pays the order's total, as a payment integration would; the order is read first for it.
    public static async Task<HttpResponseMessage> PayAsync(this HttpClient client, string orderId, string reference, string? secret = SampleApiFactory.PaymentSecret)
    {
        long total = 0;
        var currency = "USD";
        using (var read = await client.GetAsync($"/api/orders/{orderId}"))
        {
            if (read.StatusCode == HttpStatusCode.OK)
            {
                var order = await read.JsonAsync();
                total = order.GetProperty("total").GetInt64();
                currency = order.GetProperty("currency").GetString()!;
            }
        }

        return await client.PayAsync(orderId, reference, total, currency, secret);
    }

    public static Task<HttpResponseMessage> PayAsync(this HttpClient client, string orderId, string reference, long amount, string currency, string? secret = SampleApiFactory.PaymentSecret) =>
        client.SendJsonAsync(
            HttpMethod.Post,
            $"/api/orders/{orderId}/payment",
            $$"""{"paymentReference":"{{reference}}","amount":{{amount}},"currency":"{{currency}}"}""",
            secret is null ? [] : [("X-Payment-Secret", secret)]);

    public static async Task<JsonElement> GetCartAsync(this HttpClient client, string sessionId)
    {
        using var response = await client.GetAsync($"/api/cart/{sessionId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<HttpResponseMessage> SendJsonAsync(
        this HttpClient client,
        HttpMethod method,
        string path,
        string? json,
        IEnumerable<(string Name, string Value)>? headers = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The ETag the API sends for a cart at a version: the version and the cart's tag (ExpectedCart).</summary>
    public static string ETag(long version, string cartId) => $"\"{version}.{ExpectedCart.TagOf(cartId)}\"";

    /// <summary>The ETag the API sends for a cart response body.</summary>
    public static string ETag(JsonElement cart) => ETag(cart.GetProperty("version").GetInt64(), cart.GetProperty("cartId").GetString()!);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<(string, string)> headers(string? ifMatch, string? user)
    {
        if (ifMatch is not null)
        {
            yield return ("If-Match", ifMatch);
        }

        if (user is not null)
        {
            yield return (SampleApiFactory.TestUserHeader, user);
        }
    }
}
