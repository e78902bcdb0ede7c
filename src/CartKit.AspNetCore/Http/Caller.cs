using System.Security.Claims;
using CartKit.Carts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace CartKit.AspNetCore.Http;

// The signed-in user comes from the host's authentication (HttpContext.User): the name identifier claim, or "sub".
// It is read through the authentication feature, where authentication middleware (and the HttpContext.User setter)
// put the principal: the HttpContext.User getter allocates an empty principal on every request nobody authenticated,
// which for a guest's cart read was the largest allocation in CartKit's HTTP layer.
internal static class Caller
{
    public static string? UserId(HttpContext http) =>
        http.Features.Get<IHttpAuthenticationFeature>()?.User is { Identity.IsAuthenticated: true } user
            ? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")
            : null;

    public static CartCaller For(HttpContext http, string sessionId) => new(sessionId, UserId(http));
}
