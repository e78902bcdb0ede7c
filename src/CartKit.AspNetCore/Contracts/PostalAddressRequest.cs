namespace CartKit.AspNetCore.Contracts;

/// <summary>
/// A postal address in checkout details. <c>name</c>, <c>line1</c>, <c>city</c> and <c>country</c> are required; a
/// missing one is a 400 naming it (for example <c>shippingAddress.city</c>).
/// </summary>
public sealed record PostalAddressRequest
{
    /// <summary>The recipient (a person or a company), at most 100 characters.</summary>
    public string? Name { get; init; }

    /// <summary>The street and number, at most 100 characters.</summary>
    public string? Line1 { get; init; }

    /// <summary>The apartment, floor or c/o line; optional, at most 100 characters.</summary>
    public string? Line2 { get; init; }

    /// <summary>The city or town, at most 100 characters.</summary>
    public string? City { get; init; }

    /// <summary>The postal code; optional, at most 16 letters, digits, spaces and '-'.</summary>
    public string? PostalCode { get; init; }

    /// <summary>The region, state or province; optional, at most 100 characters.</summary>
    public string? Region { get; init; }

    /// <summary>The ISO 3166-1 alpha-2 country code (case-insensitive, stored upper case), for example <c>DE</c>.</summary>
    public string? Country { get; init; }
}
