using CartKit.Domain;

namespace CartKit.Checkout;

/// <summary>
/// A payment the host's payment integration confirms for an order: the provider's reference and the amount captured.
/// The amount (with its currency) must equal the order's <see cref="Order.Total"/>, as a payment provider's intent
/// carries both (Stripe's PaymentIntent <c>amount</c> and <c>currency</c>).
/// </summary>
/// <param name="Reference">The payment provider's reference; 1 to 200 visible ASCII characters.</param>
/// <param name="Amount">The amount captured, in minor units of its currency.</param>
public sealed record PaymentConfirmation(string Reference, Money Amount);
