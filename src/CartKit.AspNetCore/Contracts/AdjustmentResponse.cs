namespace CartKit.AspNetCore.Contracts;

/// <summary>A named amount added to the subtotal (negative for a discount).</summary>
/// <param name="Name">What the adjustment is.</param>
/// <param name="Amount">The signed amount in minor units.</param>
public sealed record AdjustmentResponse(string Name, long Amount);
