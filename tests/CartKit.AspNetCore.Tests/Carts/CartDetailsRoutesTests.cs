using System.Net;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Carts;

/// <summary>
/// <c>PATCH /cart/{sessionId}</c>: checkout details over HTTP, priced by the sample's rules (WELCOME10, standard and
/// express shipping, VAT for DE and FR), against the real sample host.
/// </summary>
public abstract class CartDetailsRoutesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    private const string Berlin = """{"name":"Ada Lovelace","line1":"Unter den Linden 1","city":"Berlin","postalCode":"10117","country":"de"}""";

    protected HttpClient Client { get; } = factory.CreateClient();

    [Fact]
    public async Task Patch_SetsTheDetails_AndAnswersTheCartWithEveryAdjustmentLineAndTheTotal_WhichGetShowsToo()
    {
        var sessionId = await CartWithAsync(("MUG-CARTKIT", 2));

        using var response = await PatchAsync(
            sessionId,
            $$"""{"email":" ada@example.com ","shippingAddress":{{Berlin}},"shippingMethod":"standard","discountCodes":["welcome10"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^\"3\\.[A-Za-z0-9_-]{6}\"$", response.Headers.ETag?.Tag);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var cart = await response.JsonAsync();

        // 2 x 12.50 = 25.00; WELCOME10 -2.50; standard shipping 4.90 (22.50 is below 50.00); VAT DE 19% of 27.40 = 5.206,
        // rounded half away from zero to 5.21. Total 32.61.
        Assert.Equal(
            [("WELCOME10: 10% off", -250L), ("Standard shipping", 490L), ("VAT DE 19%", 521L)],
            Adjustments(cart));
        Assert.Equal(2500, cart.GetProperty("subtotal").GetInt64());
        Assert.Equal(3261, cart.GetProperty("total").GetInt64());
        Assert.Equal(
            """{"email":"ada@example.com","shippingAddress":{"name":"Ada Lovelace","line1":"Unter den Linden 1","line2":null,"city":"Berlin","postalCode":"10117","region":null,"country":"DE"},"billingAddress":null,"shippingMethod":"standard","discountCodes":["WELCOME10"]}""",
            cart.GetProperty("details").GetRawText());

        var read = await Client.GetCartAsync(sessionId);
        Assert.Equal(cart.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Patch_FreeStandardShippingFrom50_ExpressAndFrenchVat_AreEachALine()
    {
        var sessionId = await CartWithAsync(("HOODIE-GRY-L", 1), ("CAP-NAVY", 1));
        const string Paris = """{"name":"Jo","line1":"1 Rue de Rivoli","city":"Paris","country":"FR"}""";

        var standard = await (await PatchAsync(sessionId, $$"""{"shippingAddress":{{Paris}},"shippingMethod":"standard","discountCodes":["WELCOME10"]}""")).JsonAsync();
        var express = await (await PatchAsync(sessionId, """{"shippingMethod":"express"}""")).JsonAsync();

        // 49.00 + 24.00 = 73.00; -7.30 leaves 65.70, so standard shipping is free; VAT FR 20% of 65.70 = 13.14.
        Assert.Equal([("WELCOME10: 10% off", -730L), ("Standard shipping (free from 50.00)", 0L), ("VAT FR 20%", 1314L)], Adjustments(standard));
        Assert.Equal(7884, standard.GetProperty("total").GetInt64());

        // Express is never free: 65.70 + 9.90 = 75.60; VAT 15.12.
        Assert.Equal([("WELCOME10: 10% off", -730L), ("Express shipping", 990L), ("VAT FR 20%", 1512L)], Adjustments(express));
        Assert.Equal(9072, express.GetProperty("total").GetInt64());
        Assert.Equal("Paris", express.GetProperty("details").GetProperty("shippingAddress").GetProperty("city").GetString());
    }

    [Fact]
    public async Task Patch_PropertiesLeftOutKeepTheirValues_NullOrEmptyClearsOne()
    {
        var sessionId = await CartWithAsync(("MUG-CARTKIT", 1));
        (await PatchAsync(sessionId, $$"""{"email":"ada@example.com","shippingAddress":{{Berlin}},"billingAddress":{{Berlin}},"discountCodes":["WELCOME10"]}""")).Dispose();

        var kept = await (await PatchAsync(sessionId, """{"shippingMethod":"express"}""")).JsonAsync();
        var cleared = await (await PatchAsync(sessionId, """{"email":"","billingAddress":null,"discountCodes":[]}""")).JsonAsync();
        var unchanged = await PatchAsync(sessionId, """{"unknown":1}""");

        var details = kept.GetProperty("details");
        Assert.Equal("ada@example.com", details.GetProperty("email").GetString());
        Assert.Equal("Berlin", details.GetProperty("billingAddress").GetProperty("city").GetString());
        Assert.Equal("express", details.GetProperty("shippingMethod").GetString());
        Assert.Equal(["WELCOME10"], details.GetProperty("discountCodes").EnumerateArray().Select(c => c.GetString()));
        details = cleared.GetProperty("details");
        Assert.Equal(JsonValueKind.Null, details.GetProperty("email").ValueKind);
        Assert.Equal(JsonValueKind.Null, details.GetProperty("billingAddress").ValueKind);
        Assert.Equal(0, details.GetProperty("discountCodes").GetArrayLength());
        Assert.Equal("Berlin", details.GetProperty("shippingAddress").GetProperty("city").GetString());
        Assert.DoesNotContain(Adjustments(cleared), a => a.Name.StartsWith("WELCOME10", StringComparison.Ordinal));

        // A body without any of the fields is an empty merge patch: 200 with the cart, nothing written.
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(cleared.GetProperty("version").GetInt64(), (await unchanged.JsonAsync()).GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("""{"discountCodes":["WELCOME10","SUMMER50"]}""", "discountCodes", "'SUMMER50'")]
    [InlineData("""{"shippingMethod":"teleport"}""", "shippingMethod", "'teleport'")]
    public async Task Patch_ACodeOrShippingMethodThePricingDoesNotKnow_Is422NamingItAndItsField_AndNothingIsKept(string body, string field, string named)
    {
        var sessionId = await CartWithAsync(("MUG-CARTKIT", 1));
        var before = await Client.GetCartAsync(sessionId);

        using var response = await PatchAsync(sessionId, body);

        var type = field == "discountCodes" ? CartKitProblemTypes.DiscountCodeRefused : CartKitProblemTypes.ShippingMethodRefused;
        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, type, field);
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(named, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before.GetRawText(), (await Client.GetCartAsync(sessionId)).GetRawText());
    }

    [Fact]
    public async Task Patch_ADiscountCodeOnAnEmptyCart_Is422_SayingToAddItemsFirst()
    {
        var (sessionId, _) = await Client.CreateCartAsync();

        using var response = await PatchAsync(sessionId, """{"discountCodes":["WELCOME10"]}""");

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.DiscountCodeRefused, "discountCodes");
        Assert.Contains("add items first", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"email":"not-an-email"}""", "email")]
    [InlineData("""{"email":5}""", "email")]
    [InlineData("""{"shippingAddress":{"name":"A","line1":"B","city":"C","country":"XX"}}""", "shippingAddress.country")]
    [InlineData("""{"shippingAddress":{"name":"A","line1":"B","country":"DE"}}""", "shippingAddress.city")]
    [InlineData("""{"billingAddress":{"name":"A","line1":"B","city":"C","country":"DE","postalCode":"{\"$gt\":\"\"}"}}""", "billingAddress.postalCode")]
    [InlineData("""{"billingAddress":"Main Street 1"}""", "billingAddress")]
    [InlineData("""{"shippingMethod":"next day"}""", "shippingMethod")]
    [InlineData("""{"discountCodes":["WELCOME10",null]}""", "discountCodes[1]")]
    [InlineData("""{"discountCodes":"WELCOME10"}""", "discountCodes")]
    [InlineData("""{"email":"a@example.com","email":"b@example.com"}""", "email")]
    public async Task Patch_AMalformedField_Is400NamingIt_AndNothingIsWritten(string body, string field)
    {
        var sessionId = await CartWithAsync(("MUG-CARTKIT", 1));
        var before = await Client.GetCartAsync(sessionId);

        using var response = await PatchAsync(sessionId, body);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, field);
        Assert.Equal(before.GetRawText(), (await Client.GetCartAsync(sessionId)).GetRawText());
    }

    [Fact]
    public async Task Patch_HonoursIfMatch_AndRefusesBodiesThatAreNotJson()
    {
        var sessionId = await CartWithAsync(("MUG-CARTKIT", 1));

        using var read = await Client.GetAsync($"/api/cart/{sessionId}");
        var tag = read.Headers.ETag!.Tag;
        Assert.StartsWith("\"2.", tag, StringComparison.Ordinal);

        await ProblemAssert.IsAsync(await PatchAsync(sessionId, """{"email":"a@example.com"}""", "\"1" + tag[2..]), HttpStatusCode.PreconditionFailed, CartKitProblemTypes.VersionMismatch);
        using var current = await PatchAsync(sessionId, """{"email":"a@example.com"}""", tag);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"3" + tag[2..], current.Headers.ETag?.Tag);
        await ProblemAssert.IsAsync(
            await Client.SendJsonAsync(HttpMethod.Patch, $"/api/cart/{sessionId}", "email=a@example.com", contentType: "application/x-www-form-urlencoded"),
            HttpStatusCode.UnsupportedMediaType,
            CartKitProblemTypes.UnsupportedMediaType);
        await ProblemAssert.IsAsync(await PatchAsync("unknownSessionId0000000000000000", """{"email":"a@example.com"}"""), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
    }

    [Fact]
    public async Task Checkout_TheOrderShowsTheDetailsAndAdjustmentsTheCartShowed()
    {
        var sessionId = await CartWithAsync(("STICKER-PACK", 1));
        var cart = await (await PatchAsync(sessionId, $$"""{"email":"ada@example.com","shippingAddress":{{Berlin}},"shippingMethod":"express","discountCodes":["WELCOME10"]}""")).JsonAsync();

        using var checkout = await Client.CheckoutAsync(sessionId);
        var order = await checkout.JsonAsync();
        using var read = await Client.GetAsync(checkout.Headers.Location);

        // 3.25; 10% = 0.325, rounded away from zero to 0.33; express 9.90; VAT DE 19% of 12.82 = 2.4358 -> 2.44.
        Assert.Equal([("WELCOME10: 10% off", -33L), ("Express shipping", 990L), ("VAT DE 19%", 244L)], Adjustments(order));
        Assert.Equal(1526, order.GetProperty("total").GetInt64());
        Assert.Equal(cart.GetProperty("total").GetInt64(), order.GetProperty("total").GetInt64());
        Assert.Equal(cart.GetProperty("details").GetRawText(), order.GetProperty("details").GetRawText());
        Assert.Equal(order.GetProperty("details").GetRawText(), (await read.JsonAsync()).GetProperty("details").GetRawText());
    }

    private static (string Name, long Amount)[] Adjustments(JsonElement cartOrOrder) =>
        [.. cartOrOrder.GetProperty("adjustments").EnumerateArray().Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("amount").GetInt64()))];

    private Task<HttpResponseMessage> PatchAsync(string sessionId, string json, string? ifMatch = null) =>
        Client.SendJsonAsync(HttpMethod.Patch, $"/api/cart/{sessionId}", json, ifMatch is null ? [] : [("If-Match", ifMatch)]);

    private async Task<string> CartWithAsync(params (string Sku, int Quantity)[] lines)
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        foreach (var (sku, quantity) in lines)
        {
            using var added = await Client.AddItemAsync(sessionId, sku, quantity);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        return sessionId;
    }
}

public sealed class InMemoryCartDetailsRoutesTests(SampleApiFactory factory) : CartDetailsRoutesTests<SampleApiFactory>(factory);
