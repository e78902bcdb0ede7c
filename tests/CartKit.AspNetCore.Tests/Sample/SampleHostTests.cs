using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>What the sample host adds around the library: products, health, and problem+json everywhere.</summary>
public sealed class SampleHostTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Products_ListTheDemoCatalogWithMinorUnitPrices()
    {
        using var response = await _client.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var products = (await response.JsonAsync()).EnumerateArray().ToList();
        var mug = products.Single(p => p.GetProperty("sku").GetString() == "MUG-CARTKIT");
        Assert.Equal(1250, mug.GetProperty("unitPrice").GetInt64());
        Assert.Equal("USD", mug.GetProperty("currency").GetString());
        Assert.Contains(products, p => !p.GetProperty("available").GetBoolean());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoints_AnswerHealthy(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "/api/nope")]
    [InlineData("DELETE", "/api/cart")]
    [InlineData("PUT", "/api/cart/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task RequestsTheApiDoesNotServe_AreProblemJsonToo(string method, string path)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
