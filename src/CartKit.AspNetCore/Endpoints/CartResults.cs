using CartKit.AspNetCore.Http;
using CartKit.Caching;
using CartKit.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.AspNetCore.Endpoints;

// How every cart-returning route answers: the cart with an ETag naming it at its version, never cached by intermediaries (the
// session id in the URL is a bearer secret), or the problem for the error.
internal static class CartResults
{
    public static IResult Cart(HttpContext http, CartKitResult<Cart> result)
    {
        if (!result.Succeeded)
        {
            return CartKitProblems.From(result.Error);
        }

        var rendered = RenderedCarts.Render(http.RequestServices.GetRequiredService<ReuseTables>(), result.Value);
        Private(http);
        http.Response.Headers.ETag = rendered.ETag;
        return new JsonBytesResult(rendered.Body, StatusCodes.Status200OK);
    }

    public static void Private(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
