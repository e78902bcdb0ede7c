namespace CartKit.SampleApi.Webhooks;

/// <summary>Where the sample posts CartKit's events (<c>Sample:Webhooks</c>); off while <see cref="Url"/> is empty.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Sample:Webhooks";

    /// <summary>Gets or sets the receiver's URL; empty turns webhooks off.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Gets or sets the key of the HMAC-SHA256 signature in <c>X-CartKit-Signature</c>.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Gets or sets how long one delivery may take before it counts as failed (and is retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
