namespace CartKit.AspNetCore.Contracts;

/// <summary>A postal address in checkout details. <c>name</c>, <c>line1</c>, <c>city</c> and <c>country</c> are required.</summary>
/// <param name="Name">The recipient (a person or a company), at most 100 characters.</param>
/// <param name="Line1">Street and number, at most 100 characters.</param>
/// <param name="Line2">Apartment, floor, c/o; optional, at most 100 characters.</param>
/// <param name="City">The city or town, at most 100 characters.</param>
/// <param name="PostalCode">The postal code; optional, at most 16 letters, digits, spaces and '-'.</param>
/// <param name="Region">The region, state or province; optional, at most 100 characters.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 country code (case-insensitive, stored upper case), for example <c>DE</c>.</param>
public sealed record PostalAddressRequest(
    string? Name,
    string? Line1,
    string? Line2,
    string? City,
    string? PostalCode,
    string? Region,
    string? Country);
