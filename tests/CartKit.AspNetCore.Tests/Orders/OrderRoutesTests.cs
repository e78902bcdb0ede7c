using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Orders;

/// <summary>Reading orders and confirming payment over HTTP.</summary>
public abstract class OrderRoutesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    protected HttpClient Client { get; } = factory.CreateClient();

    [Fact]
    public async Task GetOrder_OfAnUnknownOrMalformedId_Is404()
    {
        await ProblemAssert.IsAsync(await Client.GetAsync("/api/orders/AAAAAAAAAAAAAAAAAAAAAA"), HttpStatusCode.NotFound, CartKitProblemTypes.OrderNotFound);
        await ProblemAssert.IsAsync(await Client.GetAsync("/api/orders/%7B%22%24ne%22%3Anull%7D"), HttpStatusCode.NotFound, CartKitProblemTypes.OrderNotFound);
    }

    [Fact]
    public async Task Payment_PaysTheOrder_CompletesTheCart_AndIsIdempotent()
    {
        var (sessionId, orderId) = await CheckedOutCartAsync();

        using var paid = await Client.PayAsync(orderId, "pi_123");
        using var again = await Client.PayAsync(orderId, "pi_123");

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var order = await paid.JsonAsync();
        Assert.Equal("paid", order.GetProperty("status").GetString());
        Assert.Equal("pi_123", order.GetProperty("paymentReference").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(order.GetProperty("paidAt").GetDateTimeOffset(), (await again.JsonAsync()).GetProperty("paidAt").GetDateTimeOffset());
        Assert.Equal("completed", (await Client.GetCartAsync(sessionId)).GetProperty("status").GetString());
        await ProblemAssert.IsAsync(await Client.PayAsync(orderId, "pi_other"), HttpStatusCode.Conflict, CartKitProblemTypes.OrderAlreadyPaid);
    }

    [Fact]
    public async Task Payment_OfASupersededOrder_Is409()
    {
        var (sessionId, orderId) = await CheckedOutCartAsync();
        (await Client.AddItemAsync(sessionId, "CAP-NAVY")).Dispose();
        (await Client.CheckoutAsync(sessionId)).Dispose();

        await ProblemAssert.IsAsync(await Client.PayAsync(orderId, "pi_1"), HttpStatusCode.Conflict, CartKitProblemTypes.PaymentConflict);
        var order = await Client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal("paymentConflict", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Payment_Errors_FollowTheContract()
    {
        var (_, orderId) = await CheckedOutCartAsync();

        await ProblemAssert.IsAsync(await Client.PayAsync("AAAAAAAAAAAAAAAAAAAAAA", "pi_1"), HttpStatusCode.NotFound, CartKitProblemTypes.OrderNotFound);
        await ProblemAssert.IsAsync(
            await Client.SendJsonAsync(HttpMethod.Post, $"/api/orders/{orderId}/payment", "{}", [("X-Payment-Secret", SampleApiFactory.PaymentSecret)]),
            HttpStatusCode.BadRequest,
            CartKitProblemTypes.Validation,
            "paymentReference");
        await ProblemAssert.IsAsync(await Client.PayAsync(orderId, new string('r', 201)), HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "paymentReference");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData("test-payment-secret ")]
    public async Task Payment_WithoutTheRightSecret_Is401_AndPaysNothing(string? secret)
    {
        var (_, orderId) = await CheckedOutCartAsync();

        using var response = await Client.PayAsync(orderId, "pi_1", secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var order = await Client.GetAsync($"/api/orders/{orderId}");
        Assert.Equal("pendingPayment", (await order.JsonAsync()).GetProperty("status").GetString());
    }

    protected async Task<(string SessionId, string OrderId)> CheckedOutCartAsync()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        (await Client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        using var checkout = await Client.CheckoutAsync(sessionId);
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        return (sessionId, (await checkout.JsonAsync()).GetProperty("orderId").GetString()!);
    }
}

public sealed class InMemoryOrderRoutesTests(SampleApiFactory factory) : OrderRoutesTests<SampleApiFactory>(factory);

/// <summary>With no payment secret configured, the sample's payment route refuses every call.</summary>
public sealed class PaymentWithoutSecretTests(SampleApiWithoutPaymentSecretFactory factory) : IClassFixture<SampleApiWithoutPaymentSecretFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(SampleApiFactory.PaymentSecret)]
    public async Task EveryCall_IsRefused(string? secret)
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        using var checkout = await _client.CheckoutAsync(sessionId);
        var orderId = (await checkout.JsonAsync()).GetProperty("orderId").GetString()!;

        using var response = await _client.PayAsync(orderId, "pi_1", secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
