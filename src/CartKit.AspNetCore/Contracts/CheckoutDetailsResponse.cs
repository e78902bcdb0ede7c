namespace CartKit.AspNetCore.Contracts;

/// <summary>
/// A cart's or order's checkout details, in the shape <c>PATCH /cart/{sessionId}</c> takes; <c>null</c> where not set.
/// Every discount code and the shipping method listed were accepted by the host's pricing.
/// </summary>
/// <param name="Email">The shopper's email address.</param>
/// <param name="ShippingAddress">The address to ship to.</param>
/// <param name="BillingAddress">The address to bill.</param>
/// <param name="ShippingMethod">The shipping method.</param>
/// <param name="DiscountCodes">The discount codes, upper case; empty when none.</param>
public sealed record CheckoutDetailsResponse(
    string? Email,
    PostalAddressResponse? ShippingAddress,
    PostalAddressResponse? BillingAddress,
    string? ShippingMethod,
    IReadOnlyList<string> DiscountCodes);
