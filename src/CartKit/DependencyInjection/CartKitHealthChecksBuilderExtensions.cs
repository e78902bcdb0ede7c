using CartKit.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CartKit's readiness check to the host's health checks.</summary>
public static class CartKitHealthChecksBuilderExtensions
{
    /// <summary>The name the check is registered under.</summary>
    public const string CheckName = "cartkit";

    /// <summary>
    /// Adds a check that every store CartKit is configured with answers, each asked by its provider's
    /// <see cref="ICartKitHealthProbe"/> (MongoDB a ping, Redis a PING), in parallel. With in-memory stores it is
    /// always healthy. Use it for readiness, not liveness.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="timeout">How long the probes may take before the check reports failure; 2 seconds by default.</param>
    /// <param name="tags">Tags for the check, for example <c>ready</c> to select it on a readiness endpoint.</param>
    /// <param name="failureStatus">The status reported when a store does not answer; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddCartKit(
        this IHealthChecksBuilder builder,
        TimeSpan? timeout = null,
        IEnumerable<string>? tags = null,
        HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            CheckName,
            static services => new CartKitHealthCheck(services),
            failureStatus,
            tags,
            timeout ?? TimeSpan.FromSeconds(2)));
    }
}
