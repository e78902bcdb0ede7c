using CartKit.Internal;

namespace CartKit;

/// <summary>
/// The ids CartKit generates and the one check that an id a caller sent is well formed: URL-safe base64 of random
/// bytes from the operating system's cryptographic generator. Cart and order ids carry 128 bits (22 characters), so
/// an order id can be shared with a payment provider; line item ids, unique within their cart, 72 bits (12 characters).
/// </summary>
/// <remarks>Stores and caches use the checks to refuse a malformed id before it reaches a query or a key.</remarks>
public static class CartKitIds
{
    /// <summary>The length of a cart id.</summary>
    public const int CartIdLength = 22;

    /// <summary>The length of an order id.</summary>
    public const int OrderIdLength = 22;

    /// <summary>The length of a line item id.</summary>
    public const int ItemIdLength = 12;

    /// <summary>Generates a cart id.</summary>
    /// <returns>The id.</returns>
    public static string NewCartId() => Base64UrlIds.New(16);

    /// <summary>Generates an order id.</summary>
    /// <returns>The id.</returns>
    public static string NewOrderId() => Base64UrlIds.New(16);

    /// <summary>Generates a line item id.</summary>
    /// <returns>The id.</returns>
    public static string NewItemId() => Base64UrlIds.New(9);

    /// <summary>Gets whether <paramref name="id"/> is a well-formed cart id.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsCartId(string? id) => Base64UrlIds.IsValid(id, CartIdLength);

    /// <summary>Gets whether <paramref name="id"/> is a well-formed order id.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsOrderId(string? id) => Base64UrlIds.IsValid(id, OrderIdLength);

    /// <summary>Gets whether <paramref name="id"/> is a well-formed line item id.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsItemId(string? id) => Base64UrlIds.IsValid(id, ItemIdLength);
}
