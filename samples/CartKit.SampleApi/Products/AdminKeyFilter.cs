using CartKit.SampleApi.Hosting;
using Microsoft.Extensions.Options;

namespace CartKit.SampleApi.Products;

/// <summary>Lets only the shop's staff change products: they send <c>Sample:AdminApiKey</c> in <c>X-Admin-Key</c>.</summary>
internal sealed class AdminKeyFilter(IOptionsMonitor<SampleOptions> options)
    : SharedSecretFilter(Header, "Admin key required", "urn:cartkit-sample:problem:admin-key-required")
{
    public const string Header = "X-Admin-Key";

    protected override string? Expected => options.CurrentValue.AdminApiKey;
}
