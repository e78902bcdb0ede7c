using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace CartKit.AspNetCore.Http;

// A JSON body sent with its Content-Length. The documents are small (a cart is about 80 bytes a line), so serializing
// to bytes first costs one short-lived array, and the response then leaves in a single write without chunked framing
// (no terminating chunk to send, and clients and proxies know the length). The load run measured the difference.
internal sealed class SizedJsonResult<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int StatusCode => statusCode;

    int? IStatusCodeHttpResult.StatusCode => statusCode;

    public string ContentType => JsonBytesResult.JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext) =>
        JsonBytesResult.WriteAsync(httpContext, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), statusCode);
}
