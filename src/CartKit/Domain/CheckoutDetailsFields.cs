namespace CartKit.Domain;

/// <summary>
/// The fields of <see cref="CheckoutDetails"/> an update sets: each one named takes the update's value (a
/// <see langword="null"/> or empty value clears it), each one not named keeps the cart's.
/// </summary>
[Flags]
public enum CheckoutDetailsFields
{
    /// <summary>No field.</summary>
    None = 0,

    /// <summary><see cref="CheckoutDetails.Email"/>.</summary>
    Email = 1,

    /// <summary><see cref="CheckoutDetails.ShippingAddress"/>, as a whole.</summary>
    ShippingAddress = 2,

    /// <summary><see cref="CheckoutDetails.BillingAddress"/>, as a whole.</summary>
    BillingAddress = 4,

    /// <summary><see cref="CheckoutDetails.ShippingMethod"/>.</summary>
    ShippingMethod = 8,

    /// <summary><see cref="CheckoutDetails.DiscountCodes"/>, as a whole list.</summary>
    DiscountCodes = 16,

    /// <summary>Every field: the update replaces the details.</summary>
    All = Email | ShippingAddress | BillingAddress | ShippingMethod | DiscountCodes,
}
