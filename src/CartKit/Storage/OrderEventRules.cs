using CartKit.Domain;
using CartKit.Events;

namespace CartKit.Storage;

/// <summary>
/// Which event each <see cref="IOrderRepository"/> status change records, written once so store implementations
/// agree: <see cref="IOrderRepository.InsertAsync"/> (when it inserts) records
/// <see cref="CartKitEventType.OrderPlaced"/>; every other change records the event of the status it moves to, and
/// only when the conditional update changed the order.
/// </summary>
public static class OrderEventRules
{
    /// <summary>Gets the event an order records when it moves to <paramref name="status"/>.</summary>
    /// <param name="status">The status it moved to.</param>
    /// <returns>The event type.</returns>
    public static CartKitEventType ForStatus(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => CartKitEventType.OrderPlaced,
        OrderStatus.Paid => CartKitEventType.OrderPaid,
        OrderStatus.Superseded => CartKitEventType.OrderSuperseded,
        OrderStatus.Expired => CartKitEventType.OrderExpired,
        OrderStatus.Cancelled => CartKitEventType.OrderCancelled,
        OrderStatus.PaymentConflict => CartKitEventType.OrderPaymentConflict,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown order status."),
    };

    /// <summary>Gets the id of an order's event: <c>&lt;order id&gt;-&lt;sequence&gt;</c>, sequence counting from 1.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="sequence">The event's 1-based position among the order's events.</param>
    /// <returns>The event id.</returns>
    public static string EventId(string orderId, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{orderId}-{sequence}");
}
