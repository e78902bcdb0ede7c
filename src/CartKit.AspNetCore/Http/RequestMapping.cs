using CartKit.AspNetCore.Contracts;
using CartKit.Domain;

namespace CartKit.AspNetCore.Http;

// Wire format to domain, for the request bodies that are more than a value or two. Nothing is checked here: a missing
// required address field becomes an empty one, which the engine refuses naming the field, like any other bad value.
internal static class RequestMapping
{
    public static CheckoutDetails ToDetails(this UpdateCartDetailsRequest request) => new()
    {
        Email = request.Email,
        ShippingAddress = Address(request.ShippingAddress),
        BillingAddress = Address(request.BillingAddress),
        ShippingMethod = request.ShippingMethod,
        DiscountCodes = request.DiscountCodes is { } codes ? [.. codes.Select(c => c ?? string.Empty)] : [],
    };

    private static PostalAddress? Address(PostalAddressRequest? address) => address is null
        ? null
        : new PostalAddress
        {
            Name = address.Name ?? string.Empty,
            Line1 = address.Line1 ?? string.Empty,
            Line2 = address.Line2,
            City = address.City ?? string.Empty,
            PostalCode = address.PostalCode,
            Region = address.Region,
            Country = address.Country ?? string.Empty,
        };
}
