namespace CartKit.SampleApi.Hosting;

/// <summary>The sample's rate limit per client on <c>/api</c> (section <c>Sample:RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per second each client may make to <c>/api</c>; 0 turns rate limiting off (for load tests).</summary>
    /// <value>20.</value>
    public int PermitsPerSecond { get; set; } = 20;

    /// <summary>The most requests a client may send at once (the bucket size; at least <see cref="PermitsPerSecond"/>).</summary>
    /// <value>40.</value>
    public int Burst { get; set; } = 40;

    /// <summary>Whether to take the client address from <c>X-Forwarded-For</c> (only behind a trusted proxy, such as an ALB).</summary>
    /// <value><see langword="false"/>.</value>
    public bool TrustForwardedHeaders { get; set; }
}
