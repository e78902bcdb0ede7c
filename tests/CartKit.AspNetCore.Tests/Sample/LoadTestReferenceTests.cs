using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.TestSupport;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>
/// The load test's reference endpoint (benchmarks/load/run.sh): absent unless switched on, and when on it answers with
/// exactly the bytes stored under <c>cartkit-loadref:{sessionId}</c>, which the script fills from CartKit's own
/// <c>GET /api/cart/{sessionId}</c>.
/// </summary>
public sealed class LoadTestReferenceTests
{
    private const string ReferenceKeyPrefix = "cartkit-loadref:";
    private const string Setting = "Sample:LoadTest:ReferenceEndpoint";

    [Fact]
    public async Task ReferenceEndpoint_IsAbsentByDefault_EvenWithABodyStored()
    {
        var sessionId = NewSessionId();
        await using var stored = await StoreAsync(sessionId, """{"cart":1}"""u8.ToArray());
        await using var factory = RedisHost(enabled: false);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/_reference/cart/{sessionId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WhenEnabled_ReturnsTheStoredCartBodyByteForByte()
    {
        await using var factory = RedisHost(enabled: true);
        using var client = factory.CreateClient();
        var (sessionId, _) = await client.CreateCartAsync();
        (await client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        (await client.AddItemAsync(sessionId, "TSHIRT-BLK-M", quantity: 2)).Dispose();
        using var cartResponse = await client.GetAsync($"/api/cart/{sessionId}");
        var cartBody = await cartResponse.Content.ReadAsByteArrayAsync();
        await using var stored = await StoreAsync(sessionId, cartBody);

        using var response = await client.GetAsync($"/api/_reference/cart/{sessionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cartResponse.Content.Headers.ContentType, response.Content.Headers.ContentType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(cartBody, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task WhenEnabled_BytesAreNotReserialized()
    {
        // Whitespace and escapes a JSON serializer would normalize: the endpoint must pass the value through untouched.
        var sessionId = NewSessionId();
        var body = Encoding.UTF8.GetBytes("{ \"name\" : \"Caf\\u00e9 \u2615\",\n\"n\":1.50 }");
        await using var stored = await StoreAsync(sessionId, body);
        await using var factory = RedisHost(enabled: true);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/_reference/cart/{sessionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("too-short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*")]
    public async Task WhenEnabled_AnUnknownOrMalformedSession_IsNotFoundProblem(string sessionId)
    {
        await using var factory = RedisHost(enabled: true);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/_reference/cart/{Uri.EscapeDataString(sessionId)}");

        await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, "urn:cartkit-sample:problem:reference-not-found");
    }

    [Fact]
    public void WhenEnabledWithoutRedis_TheHostFailsAtStart()
    {
        using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?> { [Setting] = "true" });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("needs ConnectionStrings:Redis", ex.ToString(), StringComparison.Ordinal);
    }

    private static ConfiguredSampleApiFactory RedisHost(bool enabled) => new(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = SharedRedis.Endpoint,
        ["CartKit:Redis:KeyPrefix"] = SharedRedis.NewPrefix(),
        [Setting] = enabled ? "true" : "false",
    });

    // A well-formed session id of its own, so tests sharing the Redis server never touch each other's keys.
    private static string NewSessionId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    private static async Task<StoredKey> StoreAsync(string sessionId, byte[] body)
    {
        var key = ReferenceKeyPrefix + sessionId;
        Assert.True(await SharedRedis.Multiplexer.GetDatabase().StringSetAsync(key, body, TimeSpan.FromMinutes(5)));
        return new StoredKey(key);
    }

    private sealed class StoredKey(string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await SharedRedis.Multiplexer.GetDatabase().KeyDeleteAsync(key);
    }
}
