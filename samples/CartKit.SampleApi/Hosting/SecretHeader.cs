using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CartKit.SampleApi.Hosting;

/// <summary>Documents a required shared-secret header (and so the 401) on an operation in the OpenAPI document.</summary>
internal static class SecretHeader
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Describe(string header, string description) =>
        (operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header,
                In = ParameterLocation.Header,
                Required = true,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        };
}
