using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>
/// Checks every <see cref="ICartRepository"/> makes the same way before writing, and the bounds of what a cart can hold
/// that are not options: the cart engine refuses longer checkout details, so a store can size its fields by them.
/// </summary>
public static class CartWriteRules
{
    // Checkout details. Bounds are in UTF-16 characters, after surrounding whitespace is trimmed.

    /// <summary>The longest <see cref="CheckoutDetails.Email"/>: 254, the longest address SMTP can carry (RFC 5321).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The longest name, address line, city or region of a <see cref="PostalAddress"/>: 100.</summary>
    public const int MaxAddressFieldLength = 100;

    /// <summary>The longest <see cref="PostalAddress.PostalCode"/>: 16.</summary>
    public const int MaxPostalCodeLength = 16;

    /// <summary>The longest <see cref="CheckoutDetails.ShippingMethod"/>: 50.</summary>
    public const int MaxShippingMethodLength = 50;

    /// <summary>The longest discount code: 50.</summary>
    public const int MaxDiscountCodeLength = 50;

    /// <summary>The most discount codes a cart holds: 10.</summary>
    public const int MaxDiscountCodes = 10;

    /// <summary>Refuses a replacement whose version is not the expected version plus one: versions only ever move forward by one.</summary>
    /// <param name="cart">The replacement.</param>
    /// <param name="expectedVersion">The version it was made from.</param>
    /// <exception cref="ArgumentException">The replacement's version is not <paramref name="expectedVersion"/> + 1.</exception>
    public static void EnsureNextVersion(Cart cart, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.Version != expectedVersion + 1)
        {
            throw new ArgumentException(
                $"A replacement must be version {expectedVersion + 1} (the expected version plus one), not {cart.Version}.",
                nameof(cart));
        }
    }
}
