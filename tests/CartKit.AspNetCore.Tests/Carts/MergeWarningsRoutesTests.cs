using System.Net;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Carts;

/// <summary>
/// Signing in through a guest session over HTTP, against the real sample host: what the merge could not keep is in the
/// cart response as <c>warnings</c>, in whichever response met the sign-in, until the next change clears it.
/// </summary>
public abstract class MergeWarningsRoutesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    protected HttpClient Client { get; } = factory.CreateClient();

    [Fact]
    public async Task ASignInThatCapsALine_ShowsTheWarning_InTheResponseThatMetIt_UntilTheNextChange()
    {
        var user = $"merge-{Guid.NewGuid():N}";
        var (device, _) = await Client.CreateCartAsync(user);
        (await Client.AddItemAsync(device, "MUG-CARTKIT", 60, user: user)).Dispose();
        var (guest, _) = await Client.CreateCartAsync();
        (await Client.AddItemAsync(guest, "MUG-CARTKIT", 60)).Dispose();

        // The sign-in arrives on a read of the guest session: that read performs the merge and carries its report.
        var merged = await GetAsync(guest, user);
        Assert.Equal(99, merged.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        var warning = Assert.Single(merged.GetProperty("warnings").EnumerateArray());
        Assert.Equal(
            ["code", "sku", "itemId", "requestedQuantity", "keptQuantity", "message"],
            warning.EnumerateObject().Select(p => p.Name));
        Assert.Equal("mergeQuantityCapped", warning.GetProperty("code").GetString());
        Assert.Equal("MUG-CARTKIT", warning.GetProperty("sku").GetString());
        Assert.Equal(merged.GetProperty("items")[0].GetProperty("itemId").GetString(), warning.GetProperty("itemId").GetString());
        Assert.Equal(120, warning.GetProperty("requestedQuantity").GetInt32());
        Assert.Equal(99, warning.GetProperty("keptQuantity").GetInt32());
        Assert.Equal("99 of the 120 units of MUG-CARTKIT were kept: a line holds at most 99 units.", warning.GetProperty("message").GetString());

        // The user's other device sees it too, once; the next change clears it for everyone.
        Assert.Single((await GetAsync(device, user)).GetProperty("warnings").EnumerateArray());
        using var added = await Client.AddItemAsync(device, "CAP-NAVY", user: user);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(0, (await added.JsonAsync()).GetProperty("warnings").GetArrayLength());
        Assert.Equal(0, (await GetAsync(guest, user)).GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task ASignInOnAnEdit_AnswersTheEditWithTheWarningsOfLinesLeftOut()
    {
        var user = $"merge-{Guid.NewGuid():N}";
        var (device, _) = await Client.CreateCartAsync(user);
        (await Client.AddItemAsync(device, "MUG-CARTKIT", 1, user: user)).Dispose();
        var (guest, _) = await Client.CreateCartAsync();
        (await Client.AddItemAsync(guest, "MUG-CARTKIT", 99)).Dispose();

        using var signedIn = await Client.AddItemAsync(guest, "CAP-NAVY", user: user);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cart = await signedIn.JsonAsync();
        Assert.Equal(2, cart.GetProperty("items").GetArrayLength());
        Assert.Equal("mergeQuantityCapped", Assert.Single(cart.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AGuestsCart_HasNoWarnings()
    {
        var (guest, created) = await Client.CreateCartAsync();
        using var added = await Client.AddItemAsync(guest, "MUG-CARTKIT");

        Assert.Equal(0, created.GetProperty("warnings").GetArrayLength());
        Assert.Equal(0, (await added.JsonAsync()).GetProperty("warnings").GetArrayLength());
    }

    protected async Task<JsonElement> GetAsync(string sessionId, string user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cart/{sessionId}") { Headers = { { SampleApiFactory.TestUserHeader, user } } };
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}

public sealed class InMemoryMergeWarningsRoutesTests(SampleApiFactory factory) : MergeWarningsRoutesTests<SampleApiFactory>(factory);

/// <summary>The merge strategy a host configures (<c>CartKit:MergeStrategy</c>) is the one the sample merges with.</summary>
public sealed class ConfiguredMergeStrategyRoutesTests(KeepUserMergeSampleApiFactory factory) : IClassFixture<KeepUserMergeSampleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task WithKeepUser_ASignInKeepsTheUsersQuantity_AndAddsTheGuestsOtherLines_WithoutWarnings()
    {
        var user = $"merge-{Guid.NewGuid():N}";
        var (device, _) = await _client.CreateCartAsync(user);
        (await _client.AddItemAsync(device, "MUG-CARTKIT", 2, user: user)).Dispose();
        var (guest, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(guest, "MUG-CARTKIT", 98)).Dispose();
        (await _client.AddItemAsync(guest, "CAP-NAVY", 1)).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cart/{guest}") { Headers = { { SampleApiFactory.TestUserHeader, user } } };
        using var response = await _client.SendAsync(request);

        var cart = await response.JsonAsync();
        Assert.Equal(
            [("MUG-CARTKIT", 2), ("CAP-NAVY", 1)],
            cart.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("sku").GetString(), i.GetProperty("quantity").GetInt32())));
        Assert.Equal(0, cart.GetProperty("warnings").GetArrayLength());
    }
}

/// <summary>The sample with <c>CartKit:MergeStrategy</c> set to <c>KeepUser</c> in its configuration.</summary>
public sealed class KeepUserMergeSampleApiFactory : SampleApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["CartKit:MergeStrategy"] = "KeepUser" };
}
