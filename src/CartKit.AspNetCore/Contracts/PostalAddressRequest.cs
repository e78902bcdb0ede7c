namespace CartKit.AspNetCore.Contracts;

/// <summary>
/// A postal address in checkout details. <c>name</c>, <c>line1</c>, <c>city</c> and <c>country</c> are required; a
/// missing one is a 400 naming it (for example <c>shippingAddress.city</c>).
/// </summary>
public sealed record PostalAddressRequest
{
    /// <summary>Gets the recipient (a person or a company), at most 100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the street and number, at most 100 characters.</summary>
    public string? Line1 { get; init; }

    /// <summary>Gets the apartment, floor or c/o line; optional, at most 100 characters.</summary>
    public string? Line2 { get; init; }

    /// <summary>Gets the city or town, at most 100 characters.</summary>
    public string? City { get; init; }

    /// <summary>Gets the postal code; optional, at most 16 letters, digits, spaces and '-'.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Gets the region, state or province; optional, at most 100 characters.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country code (case-insensitive, stored upper case), for example <c>DE</c>.</summary>
    public string? Country { get; init; }
}
