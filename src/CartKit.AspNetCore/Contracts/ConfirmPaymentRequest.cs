namespace CartKit.AspNetCore.Contracts;

/// <summary>Confirms that an order was paid: the provider's reference and the amount it captured.</summary>
/// <param name="PaymentReference">The payment provider's reference (required), 1 to 200 visible ASCII characters.</param>
/// <param name="Amount">The amount captured (required), an integer in the currency's minor unit; must equal the order's total.</param>
/// <param name="Currency">The ISO 4217 code of the amount (required); must be the order's currency.</param>
public sealed record ConfirmPaymentRequest(string PaymentReference, long? Amount = null, string? Currency = null);
