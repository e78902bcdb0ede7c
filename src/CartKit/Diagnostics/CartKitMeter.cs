using System.Diagnostics.Metrics;

namespace CartKit.Diagnostics;

// The meter CartKit's instruments hang on: from IMeterFactory when the host registered one (so it is scoped to the
// container and its listeners), else one meter shared by the process.
internal static class CartKitMeter
{
    private static readonly Lazy<Meter> Shared = new(() => new Meter(CartKitDiagnostics.MeterName));

    public static Meter Create(IMeterFactory? meterFactory) => meterFactory?.Create(CartKitDiagnostics.MeterName) ?? Shared.Value;
}
