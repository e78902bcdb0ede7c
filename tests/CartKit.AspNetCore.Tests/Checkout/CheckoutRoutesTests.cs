using System.Net;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Checkout;

/// <summary>Checkout over HTTP: 201 new, 200 existing, superseding, Idempotency-Key.</summary>
public abstract class CheckoutRoutesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    protected HttpClient Client { get; } = factory.CreateClient();

    [Fact]
    public async Task Checkout_OfANewCartVersion_Is201WithTheOrderAndItsLocation()
    {
        var sessionId = await CartWithAsync("MUG-CARTKIT", "CAP-NAVY");

        using var response = await Client.CheckoutAsync(sessionId);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.JsonAsync();
        var orderId = order.GetProperty("orderId").GetString();
        Assert.Equal($"/api/orders/{orderId}", response.Headers.Location?.OriginalString);
        Assert.Equal("pendingPayment", order.GetProperty("status").GetString());
        Assert.Equal(3, order.GetProperty("cartVersion").GetInt64());
        Assert.Equal(1250 + 2400, order.GetProperty("total").GetInt64());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("paidAt").ValueKind);
        Assert.Equal(
            ["orderId", "cartId", "cartVersion", "status", "currency", "items", "adjustments", "subtotal", "total", "createdAt", "expiresAt", "paidAt", "closedAt", "paymentReference", "details"],
            order.EnumerateObject().Select(p => p.Name));

        using var read = await Client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(orderId, (await read.JsonAsync()).GetProperty("orderId").GetString());
    }

    [Fact]
    public async Task Checkout_OfAnUnchangedCart_Is200WithTheSameOrder()
    {
        var sessionId = await CartWithAsync("MUG-CARTKIT");
        using var first = await Client.CheckoutAsync(sessionId);

        using var second = await Client.CheckoutAsync(sessionId);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task Checkout_AfterTheCartChanged_SupersedesTheOldOrder()
    {
        var sessionId = await CartWithAsync("MUG-CARTKIT");
        using var first = await Client.CheckoutAsync(sessionId);
        (await Client.AddItemAsync(sessionId, "CAP-NAVY")).Dispose();

        using var second = await Client.CheckoutAsync(sessionId);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
        using var old = await Client.GetAsync(first.Headers.Location);
        Assert.Equal("superseded", (await old.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Checkout_Errors_FollowTheContract()
    {
        var (empty, _) = await Client.CreateCartAsync();

        await ProblemAssert.IsAsync(await Client.CheckoutAsync(empty), HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.CartEmpty);
        await ProblemAssert.IsAsync(await Client.CheckoutAsync("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
    }

    [Fact]
    public async Task IdempotencyKey_ReplaysTheFirstResult_EvenAfterTheCartChanged()
    {
        var sessionId = await CartWithAsync("MUG-CARTKIT");
        var key = Guid.NewGuid().ToString();
        using var first = await Client.CheckoutAsync(sessionId, key);
        (await Client.AddItemAsync(sessionId, "CAP-NAVY")).Dispose();

        using var replay = await Client.CheckoutAsync(sessionId, key);
        using var quoted = await Client.CheckoutAsync(sessionId, $"\"{key}\"");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(first.Headers.Location, quoted.Headers.Location);
    }

    [Fact]
    public async Task IdempotencyKey_ReusedForAnotherCart_Is422_AndMalformedKeysAre400()
    {
        var a = await CartWithAsync("MUG-CARTKIT");
        var b = await CartWithAsync("MUG-CARTKIT");
        var key = Guid.NewGuid().ToString();
        (await Client.CheckoutAsync(a, key)).Dispose();

        await ProblemAssert.IsAsync(await Client.CheckoutAsync(b, key), HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.IdempotencyKeyReused);
        await ProblemAssert.IsAsync(await Client.CheckoutAsync(b, "two, keys"), HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "Idempotency-Key");
        await ProblemAssert.IsAsync(await Client.CheckoutAsync(b, new string('k', 300)), HttpStatusCode.BadRequest, CartKitProblemTypes.Validation, "Idempotency-Key");
    }

    protected async Task<string> CartWithAsync(params string[] skus)
    {
        var (sessionId, _) = await Client.CreateCartAsync();
        foreach (var sku in skus)
        {
            using var added = await Client.AddItemAsync(sessionId, sku);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        return sessionId;
    }
}

public sealed class InMemoryCheckoutRoutesTests(SampleApiFactory factory) : CheckoutRoutesTests<SampleApiFactory>(factory);
