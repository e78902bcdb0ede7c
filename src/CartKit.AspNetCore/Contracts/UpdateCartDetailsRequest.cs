using CartKit.Domain;

namespace CartKit.AspNetCore.Contracts;

/// <summary>
/// Sets checkout details on the cart, with merge-patch semantics: each property sent replaces the cart's value and
/// <c>null</c> clears it; each property left out keeps the cart's value. An address and the list of discount codes
/// are replaced as a whole. Values are trimmed; an empty string is the same as <c>null</c>.
/// </summary>
/// <remarks>
/// The setters record which properties the body contained (an absent property and a <c>null</c> one mean different
/// things), so this is a class with setters rather than a record with init accessors: the JSON source generator sets
/// every init accessor, sent or not.
/// </remarks>
public sealed class UpdateCartDetailsRequest
{
    private CheckoutDetailsFields _sent;

    /// <summary>The shopper's email address (at most 254 characters).</summary>
    public string? Email { get; set { field = value; _sent |= CheckoutDetailsFields.Email; } }

    /// <summary>The address to ship to.</summary>
    public PostalAddressRequest? ShippingAddress { get; set { field = value; _sent |= CheckoutDetailsFields.ShippingAddress; } }

    /// <summary>The address to bill.</summary>
    public PostalAddressRequest? BillingAddress { get; set { field = value; _sent |= CheckoutDetailsFields.BillingAddress; } }

    /// <summary>The shipping method, one the host's pricing knows (the sample: <c>standard</c>, <c>express</c>).</summary>
    public string? ShippingMethod { get; set { field = value; _sent |= CheckoutDetailsFields.ShippingMethod; } }

    /// <summary>The discount codes (at most 10; case-insensitive), each of which the host's pricing must accept.</summary>
    public IReadOnlyList<string?>? DiscountCodes { get; set { field = value; _sent |= CheckoutDetailsFields.DiscountCodes; } }

    /// <summary>The properties the body contained, whatever their values.</summary>
    internal CheckoutDetailsFields Sent => _sent;
}
