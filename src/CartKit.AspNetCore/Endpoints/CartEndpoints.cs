using System.Text.Json.Serialization.Metadata;
using CartKit.AspNetCore.Contracts;
using CartKit.AspNetCore.Http;
using CartKit.AspNetCore.Serialization;
using CartKit.Carts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CartKit.AspNetCore.Endpoints;

// The cart routes. Handlers only translate HTTP to engine calls and back; every rule lives in the engine.
internal static class CartEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext http, ICartEngine carts, LinkGenerator links)
    {
        var result = await carts.CreateSessionAsync(Caller.UserId(http), http.RequestAborted).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return CartKitProblems.From(result.Error);
        }

        var created = result.Value;
        CartResults.Private(http);
        http.Response.Headers.ETag = RequestHeaders.ETag(created.Cart);
        http.Response.Headers.Location = links.GetPathByName(http, RouteNames.GetCart, new { sessionId = created.SessionId });
        return new SizedJsonResult<CreateCartResponse>(created.ToResponse(), CartKitJsonContext.Default.CreateCartResponse, StatusCodes.Status201Created);
    }

    public static async Task<IResult> GetAsync(string sessionId, HttpContext http, ICartEngine carts) =>
        CartResults.Cart(http, await carts.GetCartAsync(Caller.For(http, sessionId), http.RequestAborted).ConfigureAwait(false));

    public static async Task<IResult> AddItemAsync(
        string sessionId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http,
        ICartEngine carts)
    {
        var (expected, request, problem) = await ReadEditAsync(ifMatch, http, CartKitJsonContext.Default.AddItemRequest).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        if (request.Sku is null)
        {
            return CartKitProblems.Validation("sku", "'sku' is required.");
        }

        var result = await carts.AddItemAsync(Caller.For(http, sessionId), request.Sku, request.Quantity ?? 1, expected, http.RequestAborted)
            .ConfigureAwait(false);
        return CartResults.Cart(http, result);
    }

    public static async Task<IResult> SetQuantityAsync(
        string sessionId,
        string itemId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http,
        ICartEngine carts)
    {
        var (expected, request, problem) = await ReadEditAsync(ifMatch, http, CartKitJsonContext.Default.SetQuantityRequest).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        if (request.Quantity is not { } quantity)
        {
            return CartKitProblems.Validation("quantity", "'quantity' is required (0 removes the line).");
        }

        var result = await carts.SetQuantityAsync(Caller.For(http, sessionId), itemId, quantity, expected, http.RequestAborted)
            .ConfigureAwait(false);
        return CartResults.Cart(http, result);
    }

    public static async Task<IResult> RemoveItemAsync(
        string sessionId,
        string itemId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http,
        ICartEngine carts)
    {
        if (!RequestHeaders.TryReadIfMatch(ifMatch, out var expected, out var problem))
        {
            return problem!;
        }

        var result = await carts.RemoveItemAsync(Caller.For(http, sessionId), itemId, expected, http.RequestAborted).ConfigureAwait(false);
        return CartResults.Cart(http, result);
    }

    // Routing also sends ".../items/" here (a trailing slash is ignored), which is the remove-line route with an empty
    // item id: a client whose item id came out empty gets that route's 404, never an emptied cart.
    public static async Task<IResult> ClearAsync(
        string sessionId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http,
        ICartEngine carts)
    {
        if (http.Request.Path.Value is { } path && path.EndsWith('/'))
        {
            return CartKitProblems.From(new CartKitError(CartKitErrorCode.ItemNotFound, "The cart has no line with this item id.", "itemId"));
        }

        if (!RequestHeaders.TryReadIfMatch(ifMatch, out var expected, out var problem))
        {
            return problem!;
        }

        var result = await carts.ClearAsync(Caller.For(http, sessionId), expected, http.RequestAborted).ConfigureAwait(false);
        return CartResults.Cart(http, result);
    }

    public static async Task<IResult> UpdateDetailsAsync(
        string sessionId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http,
        ICartEngine carts)
    {
        var (expected, request, problem) = await ReadEditAsync(ifMatch, http, CartKitJsonContext.Default.UpdateCartDetailsRequest).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        var result = await carts.SetCheckoutDetailsAsync(Caller.For(http, sessionId), request.ToDetails(), request.Sent, expected, http.RequestAborted)
            .ConfigureAwait(false);
        return CartResults.Cart(http, result);
    }

    // The preamble every edit with a body shares: a well-formed If-Match, then a well-formed JSON body.
    private static async ValueTask<(ExpectedCart? Expected, T? Request, IResult? Problem)> ReadEditAsync<T>(string? ifMatch, HttpContext http, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!RequestHeaders.TryReadIfMatch(ifMatch, out var expected, out var problem))
        {
            return (null, null, problem);
        }

        var body = await JsonBody.ReadAsync(http.Request, typeInfo, http.RequestAborted).ConfigureAwait(false);
        return (expected, body.Value, body.Problem);
    }
}
