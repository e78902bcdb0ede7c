using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>Hostile and malformed input: always a clear 4xx problem, never a 5xx, and nothing stored changes.</summary>
public abstract class BadInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> AddItemBodies => new()
    {
        { """{"sku":123}""", "sku" },
        { """{"sku":{"$gt":""}}""", "sku" },
        { """{"sku":{"$where":"sleep(1000)"}}""", "sku" },
        { """{"sku":["MUG-CARTKIT"]}""", "sku" },
        { """{"sku":"$gt"}""", "sku" },
        { """{"sku":"MUG-CARTKIT\u0000"}""", "sku" },
        { """{"sku":"MÜG"}""", "sku" },
        { """{"sku":"MUG-CARTKIT","quantity":"1"}""", "quantity" },
        { """{"sku":"MUG-CARTKIT","quantity":1.5}""", "quantity" },
        { """{"sku":"MUG-CARTKIT","quantity":1e3}""", "quantity" },
        { """{"sku":"MUG-CARTKIT","quantity":99999999999999999999}""", "quantity" },
        { """{"sku":"MUG-CARTKIT","quantity":-1}""", "quantity" },
        { """{"sku":"MUG-CARTKIT","quantity":true}""", "quantity" },
        { """{"sku":"MUG-CARTKIT","quantity":{"$inc":5}}""", "quantity" },
        { """{"sku":"MUG-CARTKIT","sku":"CAP-NAVY"}""", "sku" },
        { """{"quantity":1}""", "sku" },
        { """{"sku":"MUG-CARTKIT" """, "body" },
        { """{"sku":""", "sku" },
        { "[]", "body" },
        { "null", "body" },
        { "\"MUG-CARTKIT\"", "body" },
        { "42", "body" },
        { "", "body" },
        { "{\"sku\":\"MUG-CARTKIT\",}", "body" },
    };

    [Theory]
    [MemberData(nameof(AddItemBodies))]
    public async Task MalformedAddItemBodies_Are400NamingTheField_AndChangeNothing(string body, string field)
    {
        var (sessionId, version) = await CartWithOneItemAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, $"/api/cart/{sessionId}/items", body);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, field);
        await AssertUnchangedAsync(sessionId, version);
    }

    [Fact]
    public async Task DeeplyNestedJson_Is400()
    {
        var (sessionId, version) = await CartWithOneItemAsync();
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500);

        using var response = await _client.SendJsonAsync(HttpMethod.Post, $"/api/cart/{sessionId}/items", nested);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnchangedAsync(sessionId, version);
    }

    [Theory]
    [InlineData(16 * 1024 + 1)]
    [InlineData(1024 * 1024)]
    public async Task OversizedBodies_Are413(int size)
    {
        var (sessionId, version) = await CartWithOneItemAsync();
        var body = $$"""{"sku":"MUG-CARTKIT","padding":"{{new string('x', size)}}"}""";

        using var response = await _client.SendJsonAsync(HttpMethod.Post, $"/api/cart/{sessionId}/items", body);

        await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge, CartKitProblemTypes.PayloadTooLarge);
        await AssertUnchangedAsync(sessionId, version);
    }

    [Fact]
    public async Task AChunkedOversizedBodyWithoutContentLength_Is413()
    {
        var (sessionId, version) = await CartWithOneItemAsync();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"sku":"{{new string('A', 40_000)}}"}""")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cart/{sessionId}/items") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge, CartKitProblemTypes.PayloadTooLarge);
        await AssertUnchangedAsync(sessionId, version);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task NonJsonBodies_Are415(string contentType)
    {
        var (sessionId, version) = await CartWithOneItemAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, $"/api/cart/{sessionId}/items", """{"sku":"MUG-CARTKIT"}""", contentType: contentType);

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType, CartKitProblemTypes.UnsupportedMediaType);
        await AssertUnchangedAsync(sessionId, version);
    }

    [Fact]
    public async Task InvalidUtf8_Is400()
    {
        var (sessionId, version) = await CartWithOneItemAsync();
        using var content = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _client.PostAsync($"/api/cart/{sessionId}/items", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUnchangedAsync(sessionId, version);
    }

    [Theory]
    [InlineData("/api/cart/{0}%2F..%2F..%2Fx/items")]
    [InlineData("/api/cart/{0}/items/..%2F..%2F..")]
    [InlineData("/api/cart/%2e%2e/items")]
    [InlineData("/api/cart/{0}*/items")]
    [InlineData("/api/cart/{0}%01/items")]
    public async Task PathTricks_Are4xx_AndChangeNothing(string template)
    {
        var (sessionId, version) = await CartWithOneItemAsync();

        using var response = await _client.SendJsonAsync(HttpMethod.Post, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, sessionId), """{"sku":"MUG-CARTKIT"}""");

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertUnchangedAsync(sessionId, version);
    }

    private async Task<(string SessionId, long Version)> CartWithOneItemAsync()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        using var added = await _client.AddItemAsync(sessionId, "MUG-CARTKIT");
        return (sessionId, (await added.JsonAsync()).GetProperty("version").GetInt64());
    }

    private async Task AssertUnchangedAsync(string sessionId, long version)
    {
        var cart = await _client.GetCartAsync(sessionId);
        Assert.Equal(version, cart.GetProperty("version").GetInt64());
        Assert.Equal(1, cart.GetProperty("itemCount").GetInt32());
    }
}

public sealed class InMemoryBadInputTests(SampleApiFactory factory) : BadInputTests<SampleApiFactory>(factory);
