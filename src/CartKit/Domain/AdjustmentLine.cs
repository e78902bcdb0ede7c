namespace CartKit.Domain;

/// <summary>
/// A named amount added to a cart's subtotal by an adjustment (a discount is negative, tax and shipping positive).
/// </summary>
/// <param name="Name">What the adjustment is, as shown to the shopper (for example <c>Shipping</c>).</param>
/// <param name="Amount">The signed amount, in the cart's currency.</param>
public sealed record AdjustmentLine(string Name, Money Amount);
