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
        Assert.Equal(Api.ETag(await applied.JsonAsync()), applied.Headers.ETag?.Tag);
        Assert.StartsWith("\"2.", applied.Headers.ETag?.Tag, StringComparison.Ordinal);
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
    public async Task TheETag_NamesTheCart_SoAnotherCartsTagAtTheSameVersionIs412()
    {
        var (first, _) = await _client.CreateCartAsync();
        var (second, _) = await _client.CreateCartAsync();
        using var firstAdd = await _client.AddItemAsync(first, "MUG-CARTKIT");
        using var secondAdd = await _client.AddItemAsync(second, "MUG-CARTKIT");
        Assert.Equal((await firstAdd.JsonAsync()).GetProperty("version").GetInt64(), (await secondAdd.JsonAsync()).GetProperty("version").GetInt64());
        Assert.NotEqual(firstAdd.Headers.ETag, secondAdd.Headers.ETag);

        using var crossed = await _client.AddItemAsync(second, "CAP-NAVY", ifMatch: firstAdd.Headers.ETag!.Tag);
        using var own = await _client.AddItemAsync(second, "CAP-NAVY", ifMatch: secondAdd.Headers.ETag!.Tag);

        await ProblemAssert.IsAsync(crossed, HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("\"2.AAAAAA\"")]
    public async Task ATagThatNamesNoCartOfThisSession_Is412_EvenAtTheCurrentVersion(string ifMatch)
    {
        // A bare version is the tag of earlier releases: it names no cart, so it can no longer match one.
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();

        using var response = await _client.AddItemAsync(sessionId, "CAP-NAVY", ifMatch: ifMatch);

        await ProblemAssert.IsAsync(response, HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        Assert.Equal(2, (await _client.GetCartAsync(sessionId)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AfterSignInMergesTheGuestCart_TheGuestsTag_DoesNotMatchTheUsersCartAtTheSameVersion()
    {
        var user = $"etag-{Guid.NewGuid():N}";
        var (device, _) = await _client.CreateCartAsync(user: user);
        (await _client.AddItemAsync(device, "MUG-CARTKIT", user: user)).Dispose();
        var (guest, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(guest, "CAP-NAVY")).Dispose();
        using var guestRead = await _client.AddItemAsync(guest, "STICKER-PACK");
        var guestTag = guestRead.Headers.ETag!.Tag;

        // Signing in through the guest session merges the guest cart into the user's, which lands on the guest's version.
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, $"/api/cart/{guest}") { Headers = { { SampleApiFactory.TestUserHeader, user } } };
        using var merged = await _client.SendAsync(signedIn);
        var mergedCart = await merged.JsonAsync();
        Assert.Equal((await guestRead.JsonAsync()).GetProperty("version").GetInt64(), mergedCart.GetProperty("version").GetInt64());
        Assert.NotEqual((await guestRead.JsonAsync()).GetProperty("cartId").GetString(), mergedCart.GetProperty("cartId").GetString());
        Assert.NotEqual(guestTag, merged.Headers.ETag!.Tag);

        using var stale = await _client.AddItemAsync(guest, "MUG-CARTKIT", ifMatch: guestTag, user: user);
        using var stale2 = await _client.SendJsonAsync(HttpMethod.Delete, $"/api/cart/{guest}/items", null, [("If-Match", guestTag), (SampleApiFactory.TestUserHeader, user)]);
        using var current = await _client.AddItemAsync(guest, "MUG-CARTKIT", ifMatch: merged.Headers.ETag!.Tag, user: user);

        await ProblemAssert.IsAsync(stale, HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        await ProblemAssert.IsAsync(stale2, HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(2, (await current.JsonAsync()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("sku").GetString() == "MUG-CARTKIT").GetProperty("quantity").GetInt32());
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
