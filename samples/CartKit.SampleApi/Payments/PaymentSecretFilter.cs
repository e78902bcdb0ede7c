using CartKit.SampleApi.Hosting;
using Microsoft.Extensions.Options;

namespace CartKit.SampleApi.Payments;

/// <summary>Lets only the payment provider confirm payments: it must send the configured secret in <c>X-Payment-Secret</c>.</summary>
internal sealed class PaymentSecretFilter(IOptionsMonitor<SampleOptions> options)
    : SharedSecretFilter(Header, "Payment secret required", "urn:cartkit-sample:problem:payment-secret-required")
{
    public const string Header = "X-Payment-Secret";

    protected override string? Expected => options.CurrentValue.PaymentApiKey;
}
