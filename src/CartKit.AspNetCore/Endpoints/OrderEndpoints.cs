using CartKit.AspNetCore.Contracts;
using CartKit.AspNetCore.Http;
using CartKit.AspNetCore.Serialization;
using CartKit.Checkout;
using CartKit.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CartKit.AspNetCore.Endpoints;

// Checkout, order reads and payment confirmation.
internal static class OrderEndpoints
{
    public static async Task<IResult> CheckoutAsync(
        string sessionId,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http,
        ICheckoutEngine checkout,
        LinkGenerator links)
    {
        if (!RequestHeaders.TryReadIdempotencyKey(idempotencyKey, out var key, out var problem))
        {
            return problem!;
        }

        var result = await checkout.CheckoutAsync(Caller.For(http, sessionId), key, http.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return CartKitProblems.From(result.Error);
        }

        http.Response.Headers.Location = links.GetPathByName(http, RouteNames.GetOrder, new { orderId = result.Value.Order.Id });
        return Order(http, result.Value.Order, result.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    public static async Task<IResult> GetAsync(string orderId, HttpContext http, ICheckoutEngine checkout)
    {
        var result = await checkout.GetOrderAsync(orderId, Caller.UserId(http), http.RequestAborted).ConfigureAwait(false);
        return result.Succeeded ? Order(http, result.Value) : CartKitProblems.From(result.Error);
    }

    public static async Task<IResult> ConfirmPaymentAsync(string orderId, HttpContext http, ICheckoutEngine checkout)
    {
        var body = await JsonBody.ReadAsync(http.Request, CartKitJsonContext.Default.ConfirmPaymentRequest, http.RequestAborted).ConfigureAwait(false);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        if (request.PaymentReference is null)
        {
            return CartKitProblems.Validation("paymentReference", "'paymentReference' is required.");
        }

        if (request.Amount is not { } amount)
        {
            return CartKitProblems.Validation("amount", "'amount' is required: the amount captured, an integer in the currency's minor unit.");
        }

        if (!Domain.Currency.TryFromCode(request.Currency, out var currency))
        {
            return CartKitProblems.Validation("currency", "'currency' is required: the ISO 4217 code of the amount, for example USD.");
        }

        var payment = new PaymentConfirmation(request.PaymentReference, new Money(amount, currency));
        var result = await checkout.ConfirmPaymentAsync(orderId, payment, http.RequestAborted).ConfigureAwait(false);
        return result.Succeeded ? Order(http, result.Value, withPayment: true) : CartKitProblems.From(result.Error);
    }

    public static async Task<IResult> CancelAsync(string orderId, HttpContext http, ICheckoutEngine checkout)
    {
        var body = await JsonBody.ReadAsync(http.Request, CartKitJsonContext.Default.CancelOrderRequest, http.RequestAborted).ConfigureAwait(false);
        if (body.Value is not { } request)
        {
            return body.Problem!;
        }

        if (request.SessionId is null)
        {
            return CartKitProblems.Validation("sessionId", "'sessionId' is required: the cart session the order was checked out from.");
        }

        var result = await checkout.CancelOrderAsync(Caller.For(http, request.SessionId), orderId, http.RequestAborted).ConfigureAwait(false);
        return result.Succeeded ? Order(http, result.Value) : CartKitProblems.From(result.Error);
    }

    private static SizedJsonResult<OrderResponse> Order(HttpContext http, Order order, int statusCode = StatusCodes.Status200OK, bool withPayment = false)
    {
        CartResults.Private(http);
        return new SizedJsonResult<OrderResponse>(order.ToResponse(withPayment), CartKitJsonContext.Default.OrderResponse, statusCode);
    }
}
