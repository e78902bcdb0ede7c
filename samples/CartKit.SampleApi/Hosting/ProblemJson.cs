using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CartKit.SampleApi.Hosting;

/// <summary>Every error the sample answers, its own, CartKit's or the framework's, is application/problem+json.</summary>
internal static class ProblemJson
{
    /// <summary>
    /// Adds problem details with a writer that answers every request, first in line. The framework's writer declines a
    /// request whose Accept names no JSON type (a browser's <c>text/html</c>), and its callers then fall back: the
    /// status code pages to <c>text/plain</c>, the exception handler to an empty 500, typed results to JSON without the
    /// trace id. An error body in a type the client did not ask for is allowed (RFC 9110, 12.5.1); an API that
    /// promises problem+json keeps that promise whatever the client accepts.
    /// </summary>
    public static IServiceCollection AddProblemJson(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, Writer>());
        return services;
    }

    // What the framework's writer writes (defaults for the status, the trace id, the host's customization), for every
    // Accept header.
    private sealed class Writer(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var http = context.HttpContext;
            var problem = context.ProblemDetails;
            problem.Status ??= http.Response.StatusCode;
            if (problem.Type is null || problem.Title is null)
            {
                var defaults = TypedResults.Problem(statusCode: problem.Status).ProblemDetails;
                problem.Type ??= defaults.Type;
                problem.Title ??= defaults.Title;
            }

            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
            options.Value.CustomizeProblemDetails?.Invoke(context);
            var typeInfo = json.Value.SerializerOptions.GetTypeInfo(problem.GetType());

            // Not RequestAborted: a request timeout has already cancelled it when its 504 is written.
            return new ValueTask(http.Response.WriteAsJsonAsync(problem, typeInfo, "application/problem+json"));
        }
    }
}
