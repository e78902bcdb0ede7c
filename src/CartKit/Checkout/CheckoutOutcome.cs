using CartKit.Domain;

namespace CartKit.Checkout;

/// <summary>The result of a checkout.</summary>
/// <param name="Order">The pending order for the cart as it is (or, for a replayed idempotency key, as it was).</param>
/// <param name="Created"><see langword="true"/> when this call created the order; <see langword="false"/> when it already existed.</param>
public sealed record CheckoutOutcome(Order Order, bool Created);
