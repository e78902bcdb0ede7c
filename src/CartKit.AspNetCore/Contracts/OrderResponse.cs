namespace CartKit.AspNetCore.Contracts;

/// <summary>An order as the HTTP API returns it. Every amount is an integer in the currency's minor unit.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="CartId">The cart it was made from.</param>
/// <param name="CartVersion">The cart version it was made from.</param>
/// <param name="Status">
/// <c>pendingPayment</c>, <c>paid</c>, <c>superseded</c>, <c>expired</c>, <c>cancelled</c> or <c>paymentConflict</c>
/// (as of the response: a pending order past <paramref name="ExpiresAt"/> is <c>expired</c>).
/// </param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="Items">The lines, priced at checkout.</param>
/// <param name="Adjustments">Discounts, tax and shipping at checkout.</param>
/// <param name="Subtotal">Sum of the line totals.</param>
/// <param name="Total">The amount to pay.</param>
/// <param name="CreatedAt">When checkout created the order.</param>
/// <param name="ExpiresAt">Until when a pending order can be paid.</param>
/// <param name="PaidAt">When payment was confirmed.</param>
/// <param name="ClosedAt">When the order was superseded, expired or cancelled.</param>
/// <param name="PaymentReference">
/// The payment provider's reference: only in the answer to the payment route, which only the host's payment
/// integration may call; <c>null</c> when anyone else reads the order.
/// </param>
/// <param name="Details">The cart's checkout details at checkout, with the discount codes and shipping method priced then.</param>
public sealed record OrderResponse(
    string OrderId,
    string CartId,
    long CartVersion,
    string Status,
    string Currency,
    IReadOnlyList<LineItemResponse> Items,
    IReadOnlyList<AdjustmentResponse> Adjustments,
    long Subtotal,
    long Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ClosedAt,
    string? PaymentReference,
    CheckoutDetailsResponse Details);
