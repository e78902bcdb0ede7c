namespace CartKit.Domain;

/// <summary>
/// A postal address of a cart's <see cref="CheckoutDetails"/> (where to ship, whom to bill). A plain immutable value:
/// the cart engine validates and normalizes it when it is set (lengths in <see cref="Storage.CartWriteRules"/>).
/// </summary>
public sealed record PostalAddress
{
    /// <summary>Gets the recipient's name (a person or a company).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the first address line (street and number).</summary>
    public required string Line1 { get; init; }

    /// <summary>Gets the second address line (apartment, floor), if any.</summary>
    public string? Line2 { get; init; }

    /// <summary>Gets the city or town.</summary>
    public required string City { get; init; }

    /// <summary>Gets the postal code, if the country uses one.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Gets the region, state or province, if any.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the country as an ISO 3166-1 alpha-2 code in upper case (for example <c>DE</c>).</summary>
    public required string Country { get; init; }
}
