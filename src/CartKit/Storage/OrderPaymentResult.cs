using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>The outcome of <see cref="IOrderRepository.MarkPaidAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Order">The order as stored afterwards; <see langword="null"/> when not found.</param>
public readonly record struct OrderPaymentResult(OrderPaymentOutcome Outcome, Order? Order);

/// <summary>What <see cref="IOrderRepository.MarkPaidAsync"/> did.</summary>
public enum OrderPaymentOutcome
{
    /// <summary>The order moved from pending payment to paid.</summary>
    Paid = 0,

    /// <summary>
    /// The order was not payable: not <see cref="OrderStatus.PendingPayment"/>, or past its
    /// <see cref="Order.ExpiresAt"/>; nothing changed.
    /// </summary>
    NotPending = 1,

    /// <summary>Another order of the same cart is already paid; nothing changed.</summary>
    AnotherOrderPaid = 2,

    /// <summary>There is no such order.</summary>
    NotFound = 3,
}
