using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Orders;

/// <summary>Cancelling orders, verified payments, what an order reader sees, and lines added after checkout, over HTTP.</summary>
public abstract class OrderLifecycleRoutesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    protected HttpClient Client { get; } = factory.CreateClient();

    [Fact]
    public async Task Cancel_WithTheSession_CancelsTheOrder_AndFreesTheCart()
    {
        var (sessionId, orderId) = await CheckedOutCartAsync();

        using var cancelled = await CancelAsync(orderId, sessionId);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var order = await cancelled.JsonAsync();
        Assert.Equal("cancelled", order.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, order.GetProperty("closedAt").ValueKind);
        using (var again = await CancelAsync(orderId, sessionId))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using var next = await Client.CheckoutAsync(sessionId);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.NotEqual(orderId, (await next.JsonAsync()).GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Cancel_ByAnotherSession_IsNotFound_AndBadBodiesAreProblems()
    {
        var (_, orderId) = await CheckedOutCartAsync();
        var (stranger, _) = await Client.CreateCartAsync();

        await ProblemAssert.IsAsync(await CancelAsync(orderId, stranger), HttpStatusCode.NotFound, CartKitProblemTypes.OrderNotFound);
        await ProblemAssert.IsAsync(await CancelAsync(orderId, "not-a-session"), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
        await ProblemAssert.IsAsync(await Client.SendJsonAsync(HttpMethod.Post, $"/api/orders/{orderId}/cancel", "{}"), HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "sessionId");
        await ProblemAssert.IsAsync(await Client.PostAsync($"/api/orders/{orderId}/cancel", null), HttpStatusCode.UnsupportedMediaType, CartKitProblemTypes.UnsupportedMediaType);
        Assert.Equal("pendingPayment", (await Client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_OfAPaidOrder_Is409_AndPayingACancelledOne_KeepsTheMoney()
    {
        var (paidSession, paidOrder) = await CheckedOutCartAsync();
        (await Client.PayAsync(paidOrder, "pi_paid")).Dispose();
        await ProblemAssert.IsAsync(await CancelAsync(paidOrder, paidSession), HttpStatusCode.Conflict, CartKitProblemTypes.OrderNotCancellable);

        var (sessionId, orderId) = await CheckedOutCartAsync();
        (await CancelAsync(orderId, sessionId)).Dispose();
        await ProblemAssert.IsAsync(await Client.PayAsync(orderId, "pi_late"), HttpStatusCode.Conflict, CartKitProblemTypes.PaymentConflict);
        Assert.Equal("paymentConflict", (await Client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(1, "USD")]
    [InlineData(-1, "USD")]
    [InlineData(0, "EUR")]
    public async Task APaymentThatIsNotTheOrdersTotal_Is422_AndTheOrderStaysUnpaid(long delta, string currency)
    {
        var (_, orderId) = await CheckedOutCartAsync();

        await ProblemAssert.IsAsync(await Client.PayAsync(orderId, "pi_1", 1250 + delta, currency), HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.PaymentMismatch);

        Assert.Equal("pendingPayment", (await Client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString());
        using var paid = await Client.PayAsync(orderId, "pi_1", 1250, "USD");
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
    }

    [Theory]
    [InlineData("""{"paymentReference":"pi_1","currency":"USD"}""", "amount")]
    [InlineData("""{"paymentReference":"pi_1","amount":1250}""", "currency")]
    [InlineData("""{"paymentReference":"pi_1","amount":1250,"currency":"XYZ"}""", "currency")]
    [InlineData("""{"paymentReference":"pi_1","amount":"1250","currency":"USD"}""", "amount")]
    public async Task APaymentWithoutAmountOrCurrency_IsAValidationProblem(string body, string field)
    {
        var (_, orderId) = await CheckedOutCartAsync();

        using var response = await Client.SendJsonAsync(HttpMethod.Post, $"/api/orders/{orderId}/payment", body, [("X-Payment-Secret", SampleApiFactory.PaymentSecret)]);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, CartKitProblemTypes.Validation);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderReaders_NeverSeeThePaymentReference_OnlyThePaymentIntegrationDoes()
    {
        var (_, orderId) = await CheckedOutCartAsync();

        using var paid = await Client.PayAsync(orderId, "pi_secret_ref");

        Assert.Equal("pi_secret_ref", (await paid.JsonAsync()).GetProperty("paymentReference").GetString());
        var read = await Client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}");
        Assert.Equal("paid", read.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("paymentReference").ValueKind);
    }

    [Fact]
    public async Task LinesAddedAfterCheckout_AreInTheSessionsNewCart_AfterPayment()
    {
        var (sessionId, orderId) = await CheckedOutCartAsync();
        (await Client.AddItemAsync(sessionId, "CAP-NAVY")).Dispose();

        using var paid = await Client.PayAsync(orderId, "pi_1");

        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        var cart = await Client.GetCartAsync(sessionId);
        Assert.Equal("active", cart.GetProperty("status").GetString());
        Assert.Equal(["CAP-NAVY"], cart.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sku").GetString()));
        Assert.NotEqual((await paid.JsonAsync()).GetProperty("cartId").GetString(), cart.GetProperty("cartId").GetString());
    }

    [Fact]
    public async Task PaymentRacingCancel_EndsPaidOrCancelledWithTheMoneyKept_NeverBoth()
    {
        for (var round = 0; round < 6; round++)
        {
            var (sessionId, orderId) = await CheckedOutCartAsync();

            var pay = Task.Run(() => Client.PayAsync(orderId, "pi_race", 1250, "USD"));
            var cancel = Task.Run(() => CancelAsync(orderId, sessionId));
            using var paid = await pay;
            using var cancelled = await cancel;

            var status = (await Client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString();
            if (paid.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("paid", status);
                Assert.Equal(HttpStatusCode.Conflict, cancelled.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, paid.StatusCode);
                Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
                Assert.Equal("paymentConflict", status);
            }
        }
    }

    private Task<HttpResponseMessage> CancelAsync(string orderId, string sessionId) =>
        Client.SendJsonAsync(HttpMethod.Post, $"/api/orders/{orderId}/cancel", $$"""{"sessionId":"{{sessionId}}"}""");

    private async Task<(string SessionId, string OrderId)> CheckedOutCartAsync()
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        (await Client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        using var checkout = await Client.CheckoutAsync(sessionId);
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        return (sessionId, (await checkout.JsonAsync()).GetProperty("orderId").GetString()!);
    }
}

public sealed class InMemoryOrderLifecycleRoutesTests(SampleApiFactory factory) : OrderLifecycleRoutesTests<SampleApiFactory>(factory);

public sealed class RedisOrderLifecycleRoutesTests(RedisSampleApiFactory factory) : OrderLifecycleRoutesTests<RedisSampleApiFactory>(factory);

/// <summary>Pending orders expire: with a one-second TTL, over the real host and clock.</summary>
public sealed class OrderExpiryRoutesTests(ShortOrderTtlSampleApiFactory factory) : IClassFixture<ShortOrderTtlSampleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AnExpiredOrder_ReadsAsExpired_CannotBePaid_AndTheCartChecksOutAgain()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        using var checkout = await _client.CheckoutAsync(sessionId);
        var order = await checkout.JsonAsync();
        var orderId = order.GetProperty("orderId").GetString()!;
        Assert.Equal(
            ShortOrderTtlSampleApiFactory.Ttl,
            order.GetProperty("expiresAt").GetDateTimeOffset() - order.GetProperty("createdAt").GetDateTimeOffset());

        await Task.Delay(ShortOrderTtlSampleApiFactory.Ttl + TimeSpan.FromMilliseconds(200));

        Assert.Equal("expired", (await _client.GetFromJsonAsync<JsonElement>($"/api/orders/{orderId}")).GetProperty("status").GetString());
        await ProblemAssert.IsAsync(await _client.SendJsonAsync(HttpMethod.Post, $"/api/orders/{orderId}/cancel", $$"""{"sessionId":"{{sessionId}}"}"""), HttpStatusCode.Conflict, CartKitProblemTypes.OrderExpired);
        await ProblemAssert.IsAsync(await _client.PayAsync(orderId, "pi_late", 1250, "USD"), HttpStatusCode.Conflict, CartKitProblemTypes.PaymentConflict);
        using var again = await _client.CheckoutAsync(sessionId);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(orderId, (await again.JsonAsync()).GetProperty("orderId").GetString());
    }
}
