namespace CartKit.SampleApi;

/// <summary>The sample's own settings (section <c>Sample</c>).</summary>
public sealed class SampleOptions
{
    public const string Section = "Sample";

    /// <summary>
    /// The shared secret the payment provider sends in <c>X-Payment-Secret</c> to confirm payments. When empty,
    /// the payment route refuses every call.
    /// </summary>
    public string? PaymentApiKey { get; set; }

    /// <summary>
    /// The shared secret staff send in <c>X-Admin-Key</c> to change a product's price or availability
    /// (<c>PUT /api/products/{sku}</c>). When empty, the route is not mapped at all.
    /// </summary>
    public string? AdminApiKey { get; set; }
}
