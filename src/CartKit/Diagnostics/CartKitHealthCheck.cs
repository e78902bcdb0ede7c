using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CartKit.Diagnostics;

// Readiness: every backend CartKit was configured with answers, each asked by the probe its provider registered, all
// in parallel. The probes are read from the container when the check runs, so registration order does not matter. The
// registration's timeout cancels the probes, so a hung server cannot hang the probe endpoint.
internal sealed class CartKitHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probes = services.GetServices<ICartKitHealthProbe>().Select(p => (p.Name, Probe: p.ProbeAsync(cancellationToken))).ToList();
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var failed = new List<string>();
        foreach (var (name, probe) in probes)
        {
            try
            {
                await probe.ConfigureAwait(false);
                data[name] = "reachable";
            }
#pragma warning disable CA1031 // Any failure of a probe is the answer "unreachable"; the exception type says why.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                cancellationToken.ThrowIfCancellationRequested();
                data[name] = "unreachable: " + ex.GetType().Name;
                failed.Add(name);
            }
        }

        return failed.Count == 0
            ? HealthCheckResult.Healthy(probes.Count == 0 ? "In-memory stores." : "Every configured store answers.", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"Not answering: {string.Join(", ", failed)}.", data: data);
    }
}
