using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>Parallel requests over HTTP: nothing lost, one order.</summary>
public abstract class HttpConcurrencyTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task SixtyFourParallelAdds_LoseNothing()
    {
        var (sessionId, _) = await _client.CreateCartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => _client.AddItemAsync(sessionId, "MUG-CARTKIT"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var cart = await _client.GetCartAsync(sessionId);
        Assert.Equal(64, cart.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(65, cart.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task ThirtyTwoParallelCheckouts_CreateOneOrder()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();

        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => _client.CheckoutAsync(sessionId))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(31, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
    }

    [Fact]
    public async Task CheckoutsRacingAdds_NeverLeaveTwoPayableOrders()
    {
        for (var round = 0; round < 4; round++)
        {
            var (sessionId, _) = await _client.CreateCartAsync();
            (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();

            var checkouts = Enumerable.Range(0, 16).Select(_ => Task.Run(() => _client.CheckoutAsync(sessionId))).ToArray();
            var adds = Enumerable.Range(0, 16).Select(i => Task.Run(() => _client.AddItemAsync(sessionId, i % 2 == 0 ? "CAP-NAVY" : "MUG-CARTKIT"))).ToArray();
            var checkedOut = await Task.WhenAll(checkouts);
            var added = await Task.WhenAll(adds);

            Assert.All(added, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            var orderIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var checkout in checkedOut)
            {
                Assert.True(checkout.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict, $"checkout answered {checkout.StatusCode}");
                if (checkout.StatusCode != HttpStatusCode.Conflict)
                {
                    orderIds.Add((await checkout.JsonAsync()).GetProperty("orderId").GetString()!);
                }
            }

            var statuses = new List<string>();
            foreach (var orderId in orderIds)
            {
                using var order = await _client.GetAsync($"/api/orders/{orderId}");
                statuses.Add((await order.JsonAsync()).GetProperty("status").GetString()!);
            }

            Assert.True(statuses.Count(s => s == "pendingPayment") <= 1, $"round {round}: {string.Join(", ", statuses)}");
        }
    }
}

public sealed class InMemoryHttpConcurrencyTests(SampleApiFactory factory) : HttpConcurrencyTests<SampleApiFactory>(factory);
