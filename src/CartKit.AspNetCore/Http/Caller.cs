using System.Security.Claims;
using CartKit.Carts;
using Microsoft.AspNetCore.Http;

namespace CartKit.AspNetCore.Http;

// The signed-in user comes from the host's authentication (HttpContext.User): the name identifier claim, or "sub".
internal static class Caller
{
    public static string? UserId(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.User.FindFirstValue("sub")
            : null;

    public static CartCaller For(HttpContext http, string sessionId) => new(sessionId, UserId(http));
}
