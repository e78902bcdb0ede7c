using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>
/// The source of truth for orders. Implementations enforce, across processes: one order per (cart id, cart version),
/// and at most one <see cref="OrderStatus.Paid"/> order per cart. Status changes are conditional updates.
/// </summary>
public interface IOrderRepository
{
    /// <summary>Gets an order by id.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    ValueTask<Order?> GetAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>Finds the order made from one version of a cart.</summary>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cartVersion">The cart version.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    ValueTask<Order?> FindByCartVersionAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default);

    /// <summary>Lists a cart's orders, oldest first.</summary>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The orders.</returns>
    ValueTask<IReadOnlyList<Order>> ListByCartAsync(string cartId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new order unless one already exists for the same cart id and cart version, in which case that
    /// order is returned instead (so concurrent checkouts of one cart version agree on one order).
    /// </summary>
    /// <param name="order">The new order.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>Whether this order was inserted, and the order now stored for that cart version.</returns>
    ValueTask<OrderInsertResult> InsertAsync(Order order, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks every <see cref="OrderStatus.PendingPayment"/> order of a cart made from a version older than
    /// <paramref name="beforeCartVersion"/> as <see cref="OrderStatus.Superseded"/>.
    /// </summary>
    /// <param name="cartId">The cart id.</param>
    /// <param name="beforeCartVersion">Orders of older cart versions are superseded.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>How many orders were superseded.</returns>
    ValueTask<int> SupersedePendingAsync(string cartId, long beforeCartVersion, CancellationToken cancellationToken = default);

    /// <summary>Moves an order from <see cref="OrderStatus.PendingPayment"/> to <see cref="OrderStatus.Paid"/>.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="paymentReference">The payment provider's reference.</param>
    /// <param name="paidAt">When payment was confirmed.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The outcome and the order as stored afterwards.</returns>
    ValueTask<OrderPaymentResult> MarkPaidAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default);

    /// <summary>Moves an order from <see cref="OrderStatus.PendingPayment"/> to <see cref="OrderStatus.Superseded"/>.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The order as stored afterwards (in whatever status it ended), or <see langword="null"/> if unknown.</returns>
    ValueTask<Order?> MarkSupersededAsync(string orderId, CancellationToken cancellationToken = default);
}
