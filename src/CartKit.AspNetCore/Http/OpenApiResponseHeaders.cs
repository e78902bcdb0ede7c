using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.OpenApi;

namespace CartKit.AspNetCore.Http;

// The response headers CartKit sets, described in the host's OpenAPI document. Endpoint metadata (Produces) carries only
// status codes and bodies, so each route adds its headers with an operation transformer; a host that generates no
// OpenAPI document never runs them.
internal static class OpenApiResponseHeaders
{
    public static TBuilder WithETagHeader<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithResponseHeader("ETag", "A strong entity tag naming this cart at this version; send it back in If-Match to make a change conditional.", JsonSchemaType.String, statusCodes);

    public static TBuilder WithLocationHeader<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithResponseHeader("Location", "The path of the created resource, inside the host's route group.", JsonSchemaType.String, statusCodes);

    public static TBuilder WithRetryAfterHeader<TBuilder>(this TBuilder builder, int statusCode)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithResponseHeader("Retry-After", "Seconds to wait before retrying.", JsonSchemaType.Integer, [statusCode]);

    // Adds the header to each listed response the operation documents; a status the route does not produce is skipped,
    // so a group-wide convention (Retry-After on 503) fits every route in the group.
    private static TBuilder WithResponseHeader<TBuilder>(this TBuilder builder, string name, string description, JsonSchemaType type, int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var statusCode in statusCodes)
            {
                if (operation.Responses?.GetValueOrDefault(statusCode.ToString(CultureInfo.InvariantCulture)) is OpenApiResponse response)
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } };
                }
            }

            return Task.CompletedTask;
        });
}
