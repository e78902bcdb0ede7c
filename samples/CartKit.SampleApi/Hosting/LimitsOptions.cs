namespace CartKit.SampleApi.Hosting;

/// <summary>The sample's request limits (section <c>Sample:Limits</c>); the rate limit has its own section, <see cref="RateLimitOptions"/>.</summary>
public sealed class LimitsOptions
{
    /// <summary>How long a request may run before it is cancelled with 504.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest request body the server reads at all (CartKit's own routes accept at most 16 KB).</summary>
    /// <value>64 KB.</value>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long shutdown waits for in-flight requests to finish.</summary>
    /// <value>25 seconds (within ECS's default 30-second stop timeout).</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}
