using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CartKit.SampleApi.Payments;

/// <summary>Puts <see cref="PaymentSecretFilter"/> on the payment routes, and says so in the OpenAPI document.</summary>
internal static class PaymentSecretConventions
{
    /// <summary>Requires the payment secret on every route of the group: the header parameter and the 401 are documented.</summary>
    public static RouteGroupBuilder RequirePaymentSecret(this RouteGroupBuilder payments) => payments
        .AddEndpointFilter<PaymentSecretFilter>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .AddOpenApiOperationTransformer(DescribeHeader);

    private static Task DescribeHeader(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = PaymentSecretFilter.Header,
            In = ParameterLocation.Header,
            Required = true,
            Description = "The payment provider's shared secret (Sample:PaymentApiKey). Missing or wrong: 401.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }
}
