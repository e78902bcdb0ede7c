using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>ETag and If-Match: optimistic concurrency for clients.</summary>
public abstract class ConditionalRequestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task IfMatch_WithTheCurrentETag_Applies_AndAStaleOneIs412()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        using var read = await _client.GetAsync($"/api/cart/{sessionId}");
        var etag = read.Headers.ETag!.Tag;

        using var applied = await _client.AddItemAsync(sessionId, "MUG-CARTKIT", ifMatch: etag);
        using var stale = await _client.AddItemAsync(sessionId, "CAP-NAVY", ifMatch: etag);

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal("\"2\"", applied.Headers.ETag?.Tag);
        await ProblemAssert.IsAsync(stale, HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        Assert.Equal(1, (await _client.GetCartAsync(sessionId)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task IfMatch_OnEveryMutation_IsHonoured()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        using var added = await _client.AddItemAsync(sessionId, "MUG-CARTKIT");
        var itemId = (await added.JsonAsync()).GetProperty("items")[0].GetProperty("itemId").GetString()!;

        await ProblemAssert.IsAsync(await _client.SetQuantityAsync(sessionId, itemId, 3, ifMatch: "\"1\""), HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        await ProblemAssert.IsAsync(
            await _client.SendJsonAsync(HttpMethod.Delete, $"/api/cart/{sessionId}/items/{itemId}", null, [("If-Match", "\"1\"")]),
            HttpStatusCode.PreconditionFailed,
            CartKitProblemTypes.VersionMismatch);
        await ProblemAssert.IsAsync(await _client.SetQuantityAsync(sessionId, itemId, 3, ifMatch: "W/\"2\""), HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        await ProblemAssert.IsAsync(
            await _client.SendJsonAsync(HttpMethod.Delete, $"/api/cart/{sessionId}/items", null, [("If-Match", "\"1\"")]),
            HttpStatusCode.PreconditionFailed,
            CartKitProblemTypes.VersionMismatch);
        Assert.Equal(1, (await _client.GetCartAsync(sessionId)).GetProperty("items").GetArrayLength());

        using var star = await _client.SetQuantityAsync(sessionId, itemId, 3, ifMatch: "*");
        Assert.Equal(HttpStatusCode.OK, star.StatusCode);
    }

    [Fact]
    public async Task Clearing_WithIfMatch_AppliesOnlyAtTheTaggedVersion()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        using var first = await _client.AddItemAsync(sessionId, "MUG-CARTKIT");
        using var second = await _client.AddItemAsync(sessionId, "CAP-NAVY");

        using var malformed = await ClearAsync(sessionId, "two");
        using var stale = await ClearAsync(sessionId, first.Headers.ETag!.Tag);
        Assert.Equal(2, (await _client.GetCartAsync(sessionId)).GetProperty("items").GetArrayLength());
        using var current = await ClearAsync(sessionId, second.Headers.ETag!.Tag);

        await ProblemAssert.IsAsync(malformed, HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "If-Match");
        await ProblemAssert.IsAsync(stale, HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(0, (await current.JsonAsync()).GetProperty("items").GetArrayLength());
        Assert.NotEqual(second.Headers.ETag, current.Headers.ETag);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("\"two\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"99999999999999999999999\"")]
    public async Task AMalformedIfMatch_Is400_AndChangesNothing(string ifMatch)
    {
        var (sessionId, _) = await _client.CreateCartAsync();

        using var response = await _client.AddItemAsync(sessionId, "MUG-CARTKIT", ifMatch: ifMatch);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "If-Match");
        Assert.Equal(1, (await _client.GetCartAsync(sessionId)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task WithoutIfMatch_ConcurrentWritesAreMergedByTheEngine()
    {
        var (sessionId, _) = await _client.CreateCartAsync();

        var responses = await Task.WhenAll(new[] { "MUG-CARTKIT", "CAP-NAVY", "STICKER-PACK" }
            .Select(sku => _client.AddItemAsync(sessionId, sku)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, (await _client.GetCartAsync(sessionId)).GetProperty("items").GetArrayLength());
    }

    private Task<HttpResponseMessage> ClearAsync(string sessionId, string ifMatch) =>
        _client.SendJsonAsync(HttpMethod.Delete, $"/api/cart/{sessionId}/items", null, [("If-Match", ifMatch)]);
}

public sealed class InMemoryConditionalRequestTests(SampleApiFactory factory) : ConditionalRequestTests<SampleApiFactory>(factory);
