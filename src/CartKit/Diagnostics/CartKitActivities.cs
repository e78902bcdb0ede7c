using System.Diagnostics;

namespace CartKit.Diagnostics;

// CartKit's one ActivitySource. Starting an activity costs one check when nobody listens, so spans stay on hot paths.
internal static class CartKitActivities
{
    public static readonly ActivitySource Source =
        new(CartKitDiagnostics.ActivitySourceName, typeof(CartKitActivities).Assembly.GetName().Version?.ToString());
}
