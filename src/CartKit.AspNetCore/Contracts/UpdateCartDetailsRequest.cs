using CartKit.Domain;

namespace CartKit.AspNetCore.Contracts;

/// <summary>
/// Sets checkout details on the cart, with merge-patch semantics: each property sent replaces the cart's value and
/// <c>null</c> clears it; each property left out keeps the cart's value. An address and the list of discount codes
/// are replaced as a whole. Values are trimmed; an empty string is the same as <c>null</c>.
/// </summary>
public sealed record UpdateCartDetailsRequest
{
    private CheckoutDetailsFields _sent;

    /// <summary>Gets the shopper's email address (at most 254 characters).</summary>
    public string? Email { get; init { field = value; _sent |= CheckoutDetailsFields.Email; } }

    /// <summary>Gets the address to ship to.</summary>
    public PostalAddressRequest? ShippingAddress { get; init { field = value; _sent |= CheckoutDetailsFields.ShippingAddress; } }

    /// <summary>Gets the address to bill.</summary>
    public PostalAddressRequest? BillingAddress { get; init { field = value; _sent |= CheckoutDetailsFields.BillingAddress; } }

    /// <summary>Gets the shipping method, one the host's pricing knows (the sample: <c>standard</c>, <c>express</c>).</summary>
    public string? ShippingMethod { get; init { field = value; _sent |= CheckoutDetailsFields.ShippingMethod; } }

    /// <summary>Gets the discount codes (at most 10; case-insensitive), each of which the host's pricing must accept.</summary>
    public IReadOnlyList<string?>? DiscountCodes { get; init { field = value; _sent |= CheckoutDetailsFields.DiscountCodes; } }

    /// <summary>Gets the properties the body contained, whatever their values.</summary>
    internal CheckoutDetailsFields Sent => _sent;
}
