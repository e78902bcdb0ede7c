using Microsoft.AspNetCore.Http;

namespace CartKit.AspNetCore.Http;

// A JSON body already serialized to UTF-8, sent with its Content-Length in one write (see SizedJsonResult).
internal sealed class JsonBytesResult(byte[] body, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    internal const string JsonContentType = "application/json; charset=utf-8";

    public int? StatusCode => statusCode;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, body, statusCode);

    public static Task WriteAsync(HttpContext httpContext, byte[] body, int statusCode)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
