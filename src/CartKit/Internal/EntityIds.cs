namespace CartKit.Internal;

// Cart and order ids carry 128 random bits (22 characters): unguessable, so an order id can be shared with a
// payment provider. Item ids only need to be unique within one cart: 72 bits (12 characters).
internal static class EntityIds
{
    public const int CartIdLength = 22;
    public const int OrderIdLength = 22;
    public const int ItemIdLength = 12;

    public static string NewCartId() => Base64UrlIds.New(16);

    public static string NewOrderId() => Base64UrlIds.New(16);

    public static string NewItemId() => Base64UrlIds.New(9);

    public static bool IsCartId(string? id) => Base64UrlIds.IsValid(id, CartIdLength);

    public static bool IsOrderId(string? id) => Base64UrlIds.IsValid(id, OrderIdLength);

    public static bool IsItemId(string? id) => Base64UrlIds.IsValid(id, ItemIdLength);
}
