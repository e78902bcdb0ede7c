using System.Security.Cryptography;
using System.Text;

namespace CartKit.SampleApi.Hosting;

/// <summary>
/// Lets a request through only when it carries the configured secret in <paramref name="header"/>. With no secret
/// configured every call is refused, so a forgotten setting fails closed.
/// </summary>
/// <param name="header">The header carrying the secret.</param>
/// <param name="title">The problem's title when refused.</param>
/// <param name="type">The problem's type when refused.</param>
internal abstract class SharedSecretFilter(string header, string title, string type) : IEndpointFilter
{
    /// <summary>Gets the secret requests must carry, read for each request so configuration reloads apply.</summary>
    protected abstract string? Expected { get; }

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = Expected;
        var given = context.HttpContext.Request.Headers[header];
        if (string.IsNullOrEmpty(expected) || given.Count != 1 || !SecretsMatch(expected, given[0]))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                detail: $"This route requires the shared secret in {header}.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: title,
                type: type));
        }

        return next(context);
    }

    // Compare hashes in constant time, so neither the content nor the length of the secret leaks through timing.
    private static bool SecretsMatch(string expected, string? given) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)),
            SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
