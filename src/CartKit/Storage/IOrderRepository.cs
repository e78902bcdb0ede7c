using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>
/// The source of truth for orders. Implementations enforce, across processes: one order per (cart id, cart version),
/// and at most one <see cref="OrderStatus.Paid"/> order per cart. Status changes are conditional updates on the status
/// they move from, so concurrent ones never both succeed; <c>OrderRepositoryContractTests</c> in CartKit.Testing checks
/// every rule.
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
    /// Moves every <see cref="OrderStatus.PendingPayment"/> order of a cart made from a version older than
    /// <paramref name="beforeCartVersion"/> to <see cref="OrderStatus.Superseded"/>, with <see cref="Order.ClosedAt"/>
    /// set to <paramref name="closedAt"/>.
    /// </summary>
    /// <param name="cartId">The cart id.</param>
    /// <param name="beforeCartVersion">Orders of older cart versions are superseded; <see cref="long.MaxValue"/> for all.</param>
    /// <param name="closedAt">When they were superseded.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>How many orders were superseded.</returns>
    ValueTask<int> SupersedePendingAsync(string cartId, long beforeCartVersion, DateTimeOffset closedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an order from <see cref="OrderStatus.PendingPayment"/> to <see cref="OrderStatus.Paid"/>, only if it has
    /// not expired at <paramref name="paidAt"/> (<see cref="Order.ExpiresAt"/> is later) and no other order of its cart
    /// is paid. One conditional update: a concurrent close, expiry or payment makes it fail, never both succeed.
    /// </summary>
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

    /// <summary>
    /// Moves an order from <see cref="OrderStatus.PendingPayment"/> to an end state without payment
    /// (<see cref="OrderStatus.Superseded"/>, <see cref="OrderStatus.Expired"/> or <see cref="OrderStatus.Cancelled"/>),
    /// setting <see cref="Order.ClosedAt"/>. An order in any other status is left as it is.
    /// </summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="status">The end state.</param>
    /// <param name="closedAt">When the order was closed.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The order as stored afterwards (in whatever status it ended), or <see langword="null"/> if unknown.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not one of the three end states.</exception>
    ValueTask<Order?> CloseAsync(string orderId, OrderStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a confirmed payment for an order that cannot be fulfilled: moves it from
    /// <see cref="OrderStatus.PendingPayment"/>, <see cref="OrderStatus.Superseded"/>, <see cref="OrderStatus.Expired"/>
    /// or <see cref="OrderStatus.Cancelled"/> to <see cref="OrderStatus.PaymentConflict"/>, with the payment's reference
    /// and time. An order already <see cref="OrderStatus.Paid"/> or in conflict is left as it is.
    /// </summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="paymentReference">The payment provider's reference.</param>
    /// <param name="paidAt">When the payment was confirmed.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The order as stored afterwards, or <see langword="null"/> if unknown.</returns>
    ValueTask<Order?> RecordPaymentConflictAsync(
        string orderId,
        string paymentReference,
        DateTimeOffset paidAt,
        CancellationToken cancellationToken = default);
}
