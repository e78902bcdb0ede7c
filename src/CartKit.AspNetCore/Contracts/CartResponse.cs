namespace CartKit.AspNetCore.Contracts;

/// <summary>A cart as the HTTP API returns it. Every amount is an integer in the currency's minor unit.</summary>
/// <param name="CartId">The cart id.</param>
/// <param name="Status"><c>active</c> or <c>completed</c>.</param>
/// <param name="Currency">The ISO 4217 currency code.</param>
/// <param name="Version">The version; also the first part of the <c>ETag</c>, which names the cart too.</param>
/// <param name="Items">The lines.</param>
/// <param name="Adjustments">Discounts, tax and shipping.</param>
/// <param name="ItemCount">Units across all lines.</param>
/// <param name="Subtotal">Sum of the line totals.</param>
/// <param name="Total">Subtotal plus adjustments.</param>
/// <param name="CreatedAt">When the cart was created.</param>
/// <param name="UpdatedAt">When the cart last changed.</param>
/// <param name="Warnings">What a sign-in merge could not keep; empty unless a merge left something out since the last change.</param>
/// <param name="Details">The checkout details set with <c>PATCH /cart/{sessionId}</c>.</param>
public sealed record CartResponse(
    string CartId,
    string Status,
    string Currency,
    long Version,
    IReadOnlyList<LineItemResponse> Items,
    IReadOnlyList<AdjustmentResponse> Adjustments,
    int ItemCount,
    long Subtotal,
    long Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<CartWarningResponse> Warnings,
    CheckoutDetailsResponse Details);
