namespace CartKit.AspNetCore.Contracts;

/// <summary>A postal address of checkout details.</summary>
/// <param name="Name">The recipient.</param>
/// <param name="Line1">Street and number.</param>
/// <param name="Line2">Apartment, floor, c/o, if given.</param>
/// <param name="City">The city or town.</param>
/// <param name="PostalCode">The postal code, if given.</param>
/// <param name="Region">The region, state or province, if given.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 country code, upper case.</param>
public sealed record PostalAddressResponse(
    string Name,
    string Line1,
    string? Line2,
    string City,
    string? PostalCode,
    string? Region,
    string Country);
