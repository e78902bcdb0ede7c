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
}

public sealed class InMemoryHttpConcurrencyTests(SampleApiFactory factory) : HttpConcurrencyTests<SampleApiFactory>(factory);
