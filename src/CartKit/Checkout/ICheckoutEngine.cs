using CartKit.Carts;
using CartKit.Domain;

namespace CartKit.Checkout;

/// <summary>
/// Turns carts into orders ("one cart, many orders") and confirms payment. Checkout is idempotent: an unchanged
/// cart always yields the same pending order, even across processes; a changed cart supersedes it with a new one, and
/// at most one order of a cart is payable at any time. The cart stays intact and editable until payment is confirmed.
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

    /// <summary>
    /// Gets an order, with its status as of now: a pending order past <see cref="Order.ExpiresAt"/> reads as
    /// <see cref="OrderStatus.Expired"/>.
    /// </summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="userId">The signed-in caller; an order of a user's cart is visible only to that user.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The order, or <see cref="CartKitErrorCode.OrderNotFound"/>.</returns>
    ValueTask<CartKitResult<Order>> GetOrderAsync(string orderId, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms a payment for an order. When the amount and currency equal the order's total and the order is still
    /// payable, the order becomes paid, its cart completed, every other pending order of the cart superseded, and lines
    /// the cart gained after the order's snapshot move to a new active cart for the same session. Confirming again
    /// with the same reference returns the paid order.
    /// </summary>
    /// <remarks>
    /// No confirmed payment is dropped: one for an order that can no longer be fulfilled (superseded, expired,
    /// cancelled, or another order of the cart paid first) is recorded on it as <see cref="OrderStatus.PaymentConflict"/>
    /// and answered with <see cref="CartKitErrorCode.PaymentConflict"/>; one whose amount or currency differs is
    /// refused with <see cref="CartKitErrorCode.PaymentMismatch"/> and the order stays as it was. Both are logged and
    /// counted.
    /// </remarks>
    /// <param name="orderId">The order id.</param>
    /// <param name="payment">The provider's reference and the amount captured.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The paid order, or why payment was refused.</returns>
    ValueTask<CartKitResult<Order>> ConfirmPaymentAsync(string orderId, PaymentConfirmation payment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a pending order for the shopper: the caller's session (and user, when signed in) must resolve to the
    /// order's cart. The cart is then free to be checked out again. Cancelling a cancelled order returns it unchanged.
    /// </summary>
    /// <param name="caller">The session and, when signed in, the user.</param>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>
    /// The cancelled order; <see cref="CartKitErrorCode.OrderNotFound"/> when it is not the caller's;
    /// <see cref="CartKitErrorCode.OrderExpired"/>, <see cref="CartKitErrorCode.OrderSuperseded"/> or
    /// <see cref="CartKitErrorCode.OrderNotCancellable"/> when it is no longer pending.
    /// </returns>
    ValueTask<CartKitResult<Order>> CancelOrderAsync(CartCaller caller, string orderId, CancellationToken cancellationToken = default);
}
