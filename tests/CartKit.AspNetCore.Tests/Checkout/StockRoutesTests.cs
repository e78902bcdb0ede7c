using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Checkout;

/// <summary>
/// Stock over HTTP, on the real sample: 32 shoppers racing for the last 5 mugs get exactly 5 orders and 27 clean 409
/// insufficient-stock problems; cancelled and expired orders give their units back (the expiry worker runs in the host).
/// </summary>
public sealed class StockRoutesTests(ScarceStockSampleApiFactory factory) : IClassFixture<ScarceStockSampleApiFactory>
{
    private const string Sku = ScarceStockSampleApiFactory.Sku;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ThirtyTwoShoppers_RacingForTheLastFiveUnits_GetFiveOrders_And27Conflicts_ThenTheUnitsComeBack()
    {
        var sessions = new List<string>();
        for (var i = 0; i < 32; i++)
        {
            var (sessionId, _) = await _client.CreateCartAsync();
            (await _client.AddItemAsync(sessionId, Sku)).Dispose();
            sessions.Add(sessionId);
        }

        var responses = await Task.WhenAll(sessions.Select(s => Task.Run(async () => (Session: s, Response: await _client.CheckoutAsync(s)))));

        var created = responses.Where(r => r.Response.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.Equal(ScarceStockSampleApiFactory.Units, created.Length);
        var refused = responses.Where(r => r.Response.StatusCode != HttpStatusCode.Created).ToArray();
        Assert.Equal(32 - ScarceStockSampleApiFactory.Units, refused.Length);
        foreach (var (_, response) in refused)
        {
            var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.Conflict, CartKitProblemTypes.InsufficientStock);
            var shortage = Assert.Single(problem.GetProperty("stockShortages").EnumerateArray());
            Assert.Equal(Sku, shortage.GetProperty("sku").GetString());
            Assert.Equal(1, shortage.GetProperty("requested").GetInt64());
            Assert.Equal(0, shortage.GetProperty("available").GetInt64());
        }

        Assert.Equal(0, await StockAsync());

        var orders = new List<(string Session, string OrderId)>();
        foreach (var (session, response) in created)
        {
            orders.Add((session, (await response.JsonAsync()).GetProperty("orderId").GetString()!));
            response.Dispose();
        }

        foreach (var (session, orderId) in orders.Take(2))
        {
            using var cancelled = await _client.SendJsonAsync(HttpMethod.Post, $"/api/orders/{orderId}/cancel", $$"""{"sessionId":"{{session}}"}""");
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        Assert.Equal(2, await StockAsync());

        // The other three expire unpaid; the host's expiry worker gives their units back.
        var waited = Stopwatch.StartNew();
        while (await StockAsync() != ScarceStockSampleApiFactory.Units)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The expiry worker did not give the expired orders' units back.");
            await Task.Delay(200);
        }

        using var afterExpiry = await _client.CheckoutAsync(refused[0].Session);
        Assert.Equal(HttpStatusCode.Created, afterExpiry.StatusCode);
        Assert.Equal(ScarceStockSampleApiFactory.Units - 1, await StockAsync());
    }

    [Fact]
    public async Task TheAdminRoute_SetsStock_AndRefusesANegativeOne()
    {
        using var set = await UpdateAsync("CAP-NAVY", """{"unitPrice":2400,"available":true,"stock":7}""");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(7, (await set.JsonAsync()).GetProperty("stock").GetInt64());
        Assert.Equal(7, await StockAsync("CAP-NAVY"));

        await ProblemAssert.IsAsync(await UpdateAsync("CAP-NAVY", """{"unitPrice":2400,"available":true,"stock":-1}"""), HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "stock");

        using var priceOnly = await UpdateAsync("CAP-NAVY", """{"unitPrice":2400,"available":true}""");
        Assert.Equal(7, (await priceOnly.JsonAsync()).GetProperty("stock").GetInt64());
    }

    private async Task<long> StockAsync(string sku = Sku)
    {
        var products = await _client.GetFromJsonAsync<JsonElement>("/api/products");
        return products.EnumerateArray().Single(p => p.GetProperty("sku").GetString() == sku).GetProperty("stock").GetInt64();
    }

    private Task<HttpResponseMessage> UpdateAsync(string sku, string body) =>
        _client.SendJsonAsync(HttpMethod.Put, $"/api/products/{sku}", body, [("X-Admin-Key", SampleApiFactory.AdminKey)]);
}
