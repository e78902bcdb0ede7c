using CartKit.SampleApi.Hosting;

namespace CartKit.SampleApi.Payments;

/// <summary>Puts <see cref="PaymentSecretFilter"/> on the payment routes, and says so in the OpenAPI document.</summary>
internal static class PaymentSecretConventions
{
    /// <summary>Requires the payment secret on every route of the group: the header parameter and the 401 are documented.</summary>
    public static RouteGroupBuilder RequirePaymentSecret(this RouteGroupBuilder payments) => payments
        .AddEndpointFilter<PaymentSecretFilter>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .AddOpenApiOperationTransformer(SecretHeader.Describe(
            PaymentSecretFilter.Header,
            "The payment provider's shared secret (Sample:PaymentApiKey). Missing or wrong: 401."));
}
