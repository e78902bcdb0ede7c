namespace CartKit.Domain;

/// <summary>
/// A non-blocking notice on a cart: something CartKit changed or left out on the shopper's behalf, such as units a
/// sign-in merge could not keep. Warnings are stored with the cart, so they reach the shopper in the response of
/// whichever request reads it next, and are cleared by the next edit of the cart (see <see cref="Cart.Warnings"/>).
/// </summary>
/// <param name="Code">What happened.</param>
/// <param name="Sku">The product the warning is about.</param>
/// <param name="ItemId">The line of this cart the warning is about, or <see langword="null"/> when the line was not kept.</param>
/// <param name="RequestedQuantity">The units the operation asked for (for a merge: what its strategy would have made the line).</param>
/// <param name="KeptQuantity">The units the cart holds now; 0 when the line was not kept.</param>
/// <param name="Message">A sentence for the shopper, in English, saying what happened and why.</param>
public sealed record CartWarning(CartWarningCode Code, string Sku, string? ItemId, int RequestedQuantity, int KeptQuantity, string Message);
