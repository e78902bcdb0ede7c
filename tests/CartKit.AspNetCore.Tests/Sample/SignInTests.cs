using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>
/// Signed-in users over the sample's own JWT bearer authentication, with real tokens from <c>dotnet user-jwts</c>: a
/// user's cart follows them across devices, signing in through a guest session merges the guest cart into theirs, and
/// what belongs to one user is not visible to another, nor to a guest or a forged token.
/// </summary>
public sealed class SignInTests(SignInSampleApiFactory host) : IClassFixture<SignInSampleApiFactory>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task TheDocumentedCommand_WorksOffline_AndChangesNoFileOfTheRepository()
    {
        // The sandbox is a copy of the sample's files: what the tool left there is what it would leave in the repository.
        var token = await host.TokenAsync("alice");

        Assert.Equal(3, token.Split('.').Length);
        foreach (var file in new[] { "CartKit.SampleApi.csproj", "appsettings.Development.json", "Properties/launchSettings.json" })
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "samples", "CartKit.SampleApi", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(host.Jwts.Project, file))),
                $"dotnet user-jwts create rewrote {file}: commit what it writes, so running the docs' command leaves no change.");
        }

        var claims = Payload(token);
        Assert.Equal("alice", claims.GetProperty("sub").GetString());
        Assert.Equal("dotnet-user-jwts", claims.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task ASignedInUser_GetsTheirOwnCart_OnEveryDevice_AndAGuestAnother()
    {
        var token = await host.TokenAsync("dana");

        var (phone, phoneCart) = await CreateCartAsync(token);
        (await SendAsync(HttpMethod.Post, $"/api/cart/{phone}/items", token, """{"sku":"MUG-CARTKIT","quantity":2}""")).EnsureSuccessStatusCode();
        var (laptop, laptopCart) = await CreateCartAsync(token);
        var (_, guestCart) = await CreateCartAsync(token: null);

        Assert.NotEqual(phone, laptop);
        Assert.Equal(phoneCart.GetProperty("cartId").GetString(), laptopCart.GetProperty("cartId").GetString());
        Assert.Equal(2, laptopCart.GetProperty("itemCount").GetInt32());
        Assert.NotEqual(phoneCart.GetProperty("cartId").GetString(), guestCart.GetProperty("cartId").GetString());

        // The user's cart answers only to the user, whatever session id is known.
        await ProblemAssert.IsAsync(await SendAsync(HttpMethod.Get, $"/api/cart/{laptop}", token: null), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
        await ProblemAssert.IsAsync(await SendAsync(HttpMethod.Get, $"/api/cart/{laptop}", await host.TokenAsync("erin")), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
    }

    [Fact]
    public async Task SigningInThroughAGuestSession_MergesTheGuestCartIntoTheUsersCart()
    {
        var token = await host.TokenAsync("frank");
        var (device, userCart) = await CreateCartAsync(token);
        (await SendAsync(HttpMethod.Post, $"/api/cart/{device}/items", token, """{"sku":"CAP-NAVY","quantity":1}""")).EnsureSuccessStatusCode();

        // Shopping as a guest, then the first request with the token: the guest's lines land in the user's cart.
        var (guest, _) = await CreateCartAsync(token: null);
        (await SendAsync(HttpMethod.Post, $"/api/cart/{guest}/items", token: null, """{"sku":"MUG-CARTKIT","quantity":2}""")).EnsureSuccessStatusCode();
        using var signedIn = await SendAsync(HttpMethod.Get, $"/api/cart/{guest}", token);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var merged = await signedIn.JsonAsync();
        Assert.Equal(userCart.GetProperty("cartId").GetString(), merged.GetProperty("cartId").GetString());
        Assert.Equal(
            [("CAP-NAVY", 1), ("MUG-CARTKIT", 2)],
            merged.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("sku").GetString(), i.GetProperty("quantity").GetInt32())));

        // Both of the user's sessions now show that cart; the guest session without the token no longer reaches it.
        using var onDevice = await SendAsync(HttpMethod.Get, $"/api/cart/{device}", token);
        Assert.Equal(merged.GetProperty("version").GetInt64(), (await onDevice.JsonAsync()).GetProperty("version").GetInt64());
        await ProblemAssert.IsAsync(await SendAsync(HttpMethod.Get, $"/api/cart/{guest}", token: null), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
    }

    [Fact]
    public async Task AUsersOrder_IsReadableByThatUser_AndByNoOtherUser()
    {
        var token = await host.TokenAsync("grace");
        var (session, _) = await CreateCartAsync(token);
        (await SendAsync(HttpMethod.Post, $"/api/cart/{session}/items", token, """{"sku":"STICKER-PACK","quantity":3}""")).EnsureSuccessStatusCode();
        using var checkout = await SendAsync(HttpMethod.Post, $"/api/cart/{session}/checkout", token);
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        var orderId = (await checkout.JsonAsync()).GetProperty("orderId").GetString()!;

        using var own = await SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", token);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(975, (await own.JsonAsync()).GetProperty("total").GetInt64());

        await ProblemAssert.IsAsync(await SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", await host.TokenAsync("heidi")), HttpStatusCode.NotFound, CartKitProblemTypes.OrderNotFound);
        await ProblemAssert.IsAsync(await SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", token: null), HttpStatusCode.NotFound, CartKitProblemTypes.OrderNotFound);
        await ProblemAssert.IsAsync(await SendAsync(HttpMethod.Get, $"/api/orders/{orderId}", Forge(token, "heidi")), HttpStatusCode.NotFound, CartKitProblemTypes.OrderNotFound);
    }

    [Fact]
    public async Task AForgedToken_SignsNobodyIn()
    {
        var token = await host.TokenAsync("ivan");
        var (session, _) = await CreateCartAsync(token);

        // The payload says ivan, but not signed by the key: the request is a guest's, who cannot see ivan's cart.
        var forged = Forge(await host.TokenAsync("judy"), "ivan");
        await ProblemAssert.IsAsync(await SendAsync(HttpMethod.Get, $"/api/cart/{session}", forged), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
        using var asIvan = await SendAsync(HttpMethod.Get, $"/api/cart/{session}", token);
        Assert.Equal(HttpStatusCode.OK, asIvan.StatusCode);
    }

    [Fact]
    public async Task AGuestsRequest_GetsNoPrincipal_FromTheSamplesAuthentication()
    {
        // Caller.UserId reads the authentication feature, so that a guest's read creates no principal: the sample's
        // authentication must leave it unset when there is no token (and set it when there is one).
        var (session, _) = await CreateCartAsync(token: null);
        using var guest = new HttpRequestMessage(HttpMethod.Get, $"/api/cart/{session}") { Headers = { { SignInSampleApiFactory.ProbeHeader, "guest" } } };
        using var user = new HttpRequestMessage(HttpMethod.Get, $"/api/cart/{session}") { Headers = { { SignInSampleApiFactory.ProbeHeader, "user" } } };
        user.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync("kim"));

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(guest)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(user)).StatusCode);

        Assert.False(host.PrincipalSet["guest"]);
        Assert.True(host.PrincipalSet["user"]);
    }

    private async Task<(string SessionId, JsonElement Cart)> CreateCartAsync(string? token)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/cart", token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        return (body.GetProperty("sessionId").GetString()!, body.GetProperty("cart"));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return _client.SendAsync(request);
    }

    private static JsonElement Payload(string token) =>
        JsonDocument.Parse(Convert.FromBase64String(Padded(token.Split('.')[1]))).RootElement.Clone();

    // The token with another subject and name in its payload, and its original signature.
    private static string Forge(string token, string user)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Convert.FromBase64String(Padded(parts[1])))!;
        payload["sub"] = JsonSerializer.SerializeToElement(user);
        payload["unique_name"] = JsonSerializer.SerializeToElement(user);
        parts[1] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return string.Join('.', parts);
    }

    private static string Padded(string base64Url)
    {
        var base64 = base64Url.Replace('-', '+').Replace('_', '/');
        return base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
    }
}
