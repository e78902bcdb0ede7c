using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CartKit.SampleApi.Payments;

/// <summary>
/// Lets only the payment provider confirm payments: it must send the configured secret in <c>X-Payment-Secret</c>.
/// With no secret configured the route refuses every call, so a forgotten setting fails closed.
/// </summary>
internal sealed class PaymentSecretFilter(IOptionsMonitor<SampleOptions> options) : IEndpointFilter
{
    public const string Header = "X-Payment-Secret";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.CurrentValue.PaymentApiKey;
        var given = context.HttpContext.Request.Headers[Header];
        if (string.IsNullOrEmpty(expected) || given.Count != 1 || !SecretsMatch(expected, given[0]))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                detail: $"Payment confirmations must carry the payment provider's secret in {Header}.",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Payment secret required",
                type: "urn:cartkit-sample:problem:payment-secret-required"));
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
