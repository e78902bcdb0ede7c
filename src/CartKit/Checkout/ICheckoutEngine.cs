using CartKit.Carts;
using CartKit.Domain;

namespace CartKit.Checkout;

/// <summary>
/// Turns carts into orders ("one cart, many orders") and confirms payment. Checkout is idempotent: an unchanged
/// cart always yields the same pending order, even across processes; a changed cart supersedes it with a new one.
/// The cart stays intact and editable until payment is confirmed.
/// </summary>
public interface ICheckoutEngine
{
    /// <summary>
    /// Checks out the caller's cart: snapshots its lines, priced again from the catalog, into a pending order.
    /// </summary>
    /// <param name="caller">The session and, when signed in, the user.</param>
    /// <param name="idempotencyKey">
    /// Optional client key (IETF Idempotency-Key semantics): the same key for the same cart returns the first result,
    /// even if the cart changed since; the same key for another cart is refused; a key whose first request is still
    /// running is a conflict. 1 to 255 visible ASCII characters; a random UUID is a good choice.
    /// </param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The order and whether this call created it, or why checkout was refused.</returns>
    ValueTask<CartKitResult<CheckoutOutcome>> CheckoutAsync(
        CartCaller caller,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default);

    /// <summary>Gets an order.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="userId">The signed-in caller; an order of a user's cart is visible only to that user.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The order, or <see cref="CartKitErrorCode.OrderNotFound"/>.</returns>
    ValueTask<CartKitResult<Order>> GetOrderAsync(string orderId, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms payment: the order becomes paid and its cart completed. Confirming again with the same reference
    /// returns the paid order; a superseded order cannot be paid.
    /// </summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="paymentReference">The payment provider's reference; 1 to 200 visible ASCII characters.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The paid order, or why payment was refused.</returns>
    ValueTask<CartKitResult<Order>> ConfirmPaymentAsync(string orderId, string paymentReference, CancellationToken cancellationToken = default);
}
