using CartKit.Diagnostics;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CartKit.SampleApi.Hosting;

/// <summary>
/// OpenTelemetry for the sample, chosen by <c>Sample:Telemetry:Exporter</c>: <c>none</c> (the default),
/// <c>console</c>, or <c>otlp</c> (endpoint and protocol from the standard <c>OTEL_EXPORTER_OTLP_*</c> variables).
/// Traces and metrics come from CartKit (by the names in <see cref="CartKitDiagnostics"/>) and ASP.NET Core; logs are
/// exported too.
/// </summary>
internal static class SampleTelemetry
{
    private const string Key = "Sample:Telemetry:Exporter";

    public static WebApplicationBuilder AddSampleTelemetry(this WebApplicationBuilder builder)
    {
        var exporter = (builder.Configuration[Key] ?? "none").Trim().ToLowerInvariant();
        if (exporter == "none")
        {
            return builder;
        }

        if (exporter is not ("console" or "otlp"))
        {
            throw new InvalidOperationException($"{Key} must be none, console or otlp (was '{builder.Configuration[Key]}').");
        }

        var otlp = exporter == "otlp";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("cartkit-sample"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(CartKitDiagnostics.ActivitySourceName).AddAspNetCoreInstrumentation();
                _ = otlp ? tracing.AddOtlpExporter() : tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CartKitDiagnostics.MeterName).AddAspNetCoreInstrumentation();
                _ = otlp ? metrics.AddOtlpExporter() : metrics.AddConsoleExporter();
            })
            .WithLogging(logging => _ = otlp ? logging.AddOtlpExporter() : logging.AddConsoleExporter());
        return builder;
    }
}
