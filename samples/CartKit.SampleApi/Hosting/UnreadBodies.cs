using Microsoft.AspNetCore.Http.Features;

namespace CartKit.SampleApi.Hosting;

/// <summary>
/// A response sent before its request's body was read (a refusal: 413, 404, 401) says <c>Connection: close</c> when
/// the server will close the connection afterwards, so no client or proxy sends its next request down it.
/// </summary>
/// <remarks>
/// After such a response Kestrel reads the rest of the body to keep the connection alive, but not past the body size
/// cap (<c>Sample:Limits:MaxRequestBodyBytes</c>): then it drops the connection, and a response that did not say so
/// leaves a keep-alive client's next request to fail. A body whose length is declared over the cap can never be read,
/// so the response closes. A chunked body's length is unknown until it is read, so what is left of it is read (and
/// discarded) before the response starts, up to the cap: within it the connection stays usable, past it the response
/// closes. HTTP/2 and later refuse a body per stream and keep the connection, so this is HTTP/1.x only.
/// </remarks>
internal static class UnreadBodies
{
    public static IApplicationBuilder UseUnreadBodies(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        // Requests without a body (every GET) pay nothing.
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            && (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol)))
        {
            context.Response.OnStarting(static state => CloseIfTheBodyCannotBeReadAsync((HttpContext)state), context);
        }

        return next(context);
    });

    private static async Task CloseIfTheBodyCannotBeReadAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is not { } limit)
        {
            return;
        }

        if (context.Request.ContentLength is { } length)
        {
            if (length > limit)
            {
                Close(context);
            }

            return;
        }

        try
        {
            // Ends at once when the application read the body to its end. The request's own cancellation covers a
            // client that stops sending.
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // Past the cap, malformed, or gone: the connection is not kept in any of these cases.
            Close(context);
        }
    }

    private static void Close(HttpContext context) => context.Response.Headers.Connection = "close";
}
