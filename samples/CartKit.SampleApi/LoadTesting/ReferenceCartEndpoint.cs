using System.Buffers;

namespace CartKit.SampleApi.LoadTesting;

/// <summary>
/// The load test's yardstick (<c>benchmarks/load/run.sh</c>): <c>GET /api/_reference/cart/{sessionId}</c> answers with
/// bytes the script stored in Redis, the same body CartKit returned for that session, after exactly one Redis GET. It
/// runs in the same <c>/api</c> group and middleware as CartKit's routes, so the difference between the two is
/// CartKit itself. Off unless <c>Sample:LoadTest:ReferenceEndpoint</c> is <see langword="true"/>; never enable it in
/// production (it serves whatever the key holds, to anyone who knows a session id).
/// </summary>
internal static class ReferenceCartEndpoint
{
    public const string Key = "Sample:LoadTest:ReferenceEndpoint";
    private const int SessionIdLength = 32;

    private static readonly SearchValues<char> Base64Url =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static WebApplicationBuilder AddLoadTestReference(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>(Key))
        {
            return builder;
        }

        if (builder.Configuration.GetConnectionString("Redis") is not { Length: > 0 } redis)
        {
            throw new InvalidOperationException($"{Key} needs ConnectionStrings:Redis (the reference reads its bodies from Redis).");
        }

        // A factory, not an instance: the container disposes only what it created, and the connection must close.
        builder.Services.AddSingleton(_ => new ReferenceCartStore(redis));
        return builder;
    }

    public static IEndpointRouteBuilder MapLoadTestReference(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<ReferenceCartStore>() is not null)
        {
            endpoints.MapGet("/_reference/cart/{sessionId}", GetAsync).ExcludeFromDescription();
        }

        return endpoints;
    }

    private static async Task GetAsync(string sessionId, HttpContext http, ReferenceCartStore store)
    {
        // The same cheap format check CartKit applies before a session id may reach Redis.
        if (sessionId.Length != SessionIdLength || sessionId.AsSpan().ContainsAnyExcept(Base64Url))
        {
            await NotFoundAsync(http);
            return;
        }

        using var body = await store.GetAsync(sessionId);
        if (body is null)
        {
            await NotFoundAsync(http);
            return;
        }

        // The headers CartKit's cart response carries, apart from the ETag.
        var response = http.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body.Memory, http.RequestAborted);
    }

    private static Task NotFoundAsync(HttpContext http) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            type: "urn:cartkit-sample:problem:reference-not-found",
            title: "No reference body",
            detail: "No reference body is stored for this session.").ExecuteAsync(http);
}
