namespace CartKit.AspNetCore.Contracts;

/// <summary>Confirms that an order was paid.</summary>
/// <param name="PaymentReference">The payment provider's reference (required), 1 to 200 visible ASCII characters.</param>
public sealed record ConfirmPaymentRequest(string PaymentReference);
