namespace CartKit.SampleApi.Hosting;

/// <summary>The sample's protection against abusive clients (section <c>Sample</c>).</summary>
public sealed class LimitsOptions
{
    /// <summary>Requests per second each client may make to <c>/api</c>; 0 turns rate limiting off (for load tests).</summary>
    /// <value>20.</value>
    public int PermitsPerSecond { get; set; } = 20;

    /// <summary>How many requests a client may send at once above its steady rate.</summary>
    /// <value>40.</value>
    public int Burst { get; set; } = 40;

    /// <summary>Whether to take the client address from <c>X-Forwarded-For</c> (only behind a trusted proxy, such as an ALB).</summary>
    /// <value><see langword="false"/>.</value>
    public bool TrustForwardedHeaders { get; set; }

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
