namespace CartKit.Diagnostics;

/// <summary>The names under which CartKit publishes traces and metrics, for OpenTelemetry and listeners.</summary>
public static class CartKitDiagnostics
{
    /// <summary>The name of CartKit's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "CartKit";

    /// <summary>The name of CartKit's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "CartKit";
}
