using CartKit.Internal;

namespace CartKit.Domain;

/// <summary>
/// What a shopper tells the cart for checkout: how to reach them, where to ship and bill, how to ship, which discount
/// codes to use. Every field is optional. The pricing hook sees them (<see cref="Pricing.CartPricingContext"/>), and an
/// order keeps the ones its cart had at checkout. Immutable by construction, like <see cref="Cart"/>; two instances
/// with the same fields (and the same codes in the same order) are equal.
/// </summary>
public sealed record CheckoutDetails
{
    /// <summary>Gets the details with no field set, which every new cart starts with.</summary>
    public static CheckoutDetails None { get; } = new();

    /// <summary>Gets the shopper's email address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the address to ship to.</summary>
    public PostalAddress? ShippingAddress { get; init; }

    /// <summary>Gets the address to bill.</summary>
    public PostalAddress? BillingAddress { get; init; }

    /// <summary>Gets the shipping method, as the host's pricing knows it (for example <c>standard</c>).</summary>
    public string? ShippingMethod { get; init; }

    /// <summary>Gets the discount codes, upper case, each once, in the order they were given.</summary>
    public IReadOnlyList<string> DiscountCodes { get; init => field = Frozen.List(value); } = Frozen.Empty<string>();

    /// <summary>Gets a value indicating whether no field is set.</summary>
    public bool IsEmpty =>
        Email is null && ShippingAddress is null && BillingAddress is null && ShippingMethod is null && DiscountCodes.Count == 0;

    /// <summary>Compares every field, the discount codes by content.</summary>
    /// <param name="other">The details to compare with.</param>
    /// <returns><see langword="true"/> when every field is equal.</returns>
    public bool Equals(CheckoutDetails? other) =>
        ReferenceEquals(this, other)
        || (other is not null
        && string.Equals(Email, other.Email, StringComparison.Ordinal)
        && Equals(ShippingAddress, other.ShippingAddress)
        && Equals(BillingAddress, other.BillingAddress)
        && string.Equals(ShippingMethod, other.ShippingMethod, StringComparison.Ordinal)
        && SameCodes(DiscountCodes, other.DiscountCodes));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Email, StringComparer.Ordinal);
        hash.Add(ShippingAddress);
        hash.Add(BillingAddress);
        hash.Add(ShippingMethod, StringComparer.Ordinal);
        for (var i = 0; i < DiscountCodes.Count; i++)
        {
            hash.Add(DiscountCodes[i], StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    // Indexed, so comparing and hashing (done for every rendered cart) allocate no enumerator.
    private static bool SameCodes(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!string.Equals(left[i], right[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
