namespace CartKit.Diagnostics;

/// <summary>
/// One backend's part of CartKit's readiness check (<c>AddHealthChecks().AddCartKit()</c>): each storage or cache
/// provider registers its own probe (CartKit.MongoDB pings MongoDB, CartKit.Redis pings Redis) with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;ICartKitHealthProbe, TProbe&gt;())</c>, and the check runs
/// every registered probe in parallel.
/// </summary>
public interface ICartKitHealthProbe
{
    /// <summary>Gets the backend's name as the check reports it (for example <c>redis</c>); unique among probes.</summary>
    string Name { get; }

    /// <summary>Asks the backend to answer; throws when it does not. The check's timeout cancels the token.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A task that completes when the backend answered.</returns>
    Task ProbeAsync(CancellationToken cancellationToken);
}
