using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>
/// The status rules every <see cref="IOrderRepository"/> applies in its conditional updates, written once so store
/// implementations (CartKit's and a host's own) agree with the engine's order lifecycle.
/// </summary>
public static class OrderEndStates
{
    /// <summary>
    /// Gets whether <paramref name="status"/> is an end state without payment that
    /// <see cref="IOrderRepository.CloseAsync"/> may move a pending order to.
    /// </summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for <see cref="OrderStatus.Superseded"/>, <see cref="OrderStatus.Expired"/> and <see cref="OrderStatus.Cancelled"/>.</returns>
    public static bool IsClosing(OrderStatus status) =>
        status is OrderStatus.Superseded or OrderStatus.Expired or OrderStatus.Cancelled;

    /// <summary>
    /// Gets whether a payment confirmed for an order in <paramref name="status"/> is recorded by
    /// <see cref="IOrderRepository.RecordPaymentConflictAsync"/>: every status but <see cref="OrderStatus.Paid"/> and
    /// <see cref="OrderStatus.PaymentConflict"/>.
    /// </summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> when the conflict is recorded.</returns>
    public static bool CanTurnIntoConflict(OrderStatus status) =>
        status is OrderStatus.PendingPayment or OrderStatus.Superseded or OrderStatus.Expired or OrderStatus.Cancelled;

    /// <summary>Gets whether an order in <paramref name="status"/> never changes again, so a cache may keep it.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for <see cref="OrderStatus.Paid"/> and <see cref="OrderStatus.PaymentConflict"/>.</returns>
    public static bool IsFinal(OrderStatus status) => status is OrderStatus.Paid or OrderStatus.PaymentConflict;

    /// <summary>Throws unless <paramref name="status"/> is an end state <see cref="IOrderRepository.CloseAsync"/> accepts.</summary>
    /// <param name="status">The status.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is not.</exception>
    public static void EnsureClosing(OrderStatus status)
    {
        if (!IsClosing(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An order can only be closed as Superseded, Expired or Cancelled.");
        }
    }
}
