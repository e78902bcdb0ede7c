using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.OpenApi;

namespace CartKit.SampleApi.Hosting;

/// <summary>Rate limiting per client, request timeouts, a body size cap and graceful shutdown for the sample.</summary>
internal static class AbuseLimits
{
    public const string ApiPolicy = "per-client";
    private const string Section = "Sample:Limits";
    private const string RateLimitSection = "Sample:RateLimit";

    public static WebApplicationBuilder AddAbuseLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(Section).Get<LimitsOptions>() ?? new LimitsOptions();
        var rate = builder.Configuration.GetSection(RateLimitSection).Get<RateLimitOptions>() ?? new RateLimitOptions();
        Validate(limits, rate);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = limits.ShutdownTimeout);
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The ALB sits in the VPC; its address is not known in advance, so trust is switched on by configuration.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        });

        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = limits.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = context => Problem(context, StatusCodes.Status504GatewayTimeout, "urn:cartkit-sample:problem:timeout", "Request timed out", "The request took too long and was cancelled."),
        });

        builder.Services.AddRateLimiter(rateLimiter =>
        {
            rateLimiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            rateLimiter.AddPolicy(ApiPolicy, context => rate.PermitsPerSecond <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetTokenBucketLimiter(ClientKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(rate.Burst, rate.PermitsPerSecond),
                    TokensPerPeriod = rate.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            rateLimiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(Problem(context.HttpContext, StatusCodes.Status429TooManyRequests, "urn:cartkit-sample:problem:rate-limited", "Too many requests", "Slow down and retry after the time in Retry-After."));
            };
        });

        if (rate.TrustForwardedHeaders)
        {
            builder.Services.AddSingleton<IStartupFilter, ForwardedHeadersStartupFilter>();
        }

        return builder;
    }

    public static WebApplication UseAbuseLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>Documents the rate limiter's answer on every route of the group: 429 with Retry-After.</summary>
    public static RouteGroupBuilder WithRateLimitResponses(this RouteGroupBuilder group) => group
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault("429") is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds until the client may send again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }

            return Task.CompletedTask;
        });

    // The client is its address; without a trusted proxy in front that is the TCP peer.
    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // Through the problem details service, so problem+json whatever the request accepts (see ProblemJson); a typed result
    // also writes problem+json itself when no writer takes the request, where a throw would turn the 429 or 504 into a 500.
    private static Task Problem(HttpContext context, int status, string type, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type).ExecuteAsync(context);

    private static void Validate(LimitsOptions limits, RateLimitOptions rate)
    {
        if (rate.PermitsPerSecond < 0 || rate.Burst < 0)
        {
            throw new InvalidOperationException($"{RateLimitSection}: PermitsPerSecond and Burst must be 0 or more.");
        }

        if (limits.RequestTimeout <= TimeSpan.Zero || limits.MaxRequestBodyBytes <= 0 || limits.ShutdownTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{Section}: RequestTimeout and MaxRequestBodyBytes must be positive, ShutdownTimeout not negative.");
        }
    }

    private sealed class ForwardedHeadersStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseForwardedHeaders();
            next(app);
        };
    }
}
