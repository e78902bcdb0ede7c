using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Events;

// Turns an event an order store keeps (a type and a time) into the event handlers see. The payload is read from the
// order, whose lines, totals and details never change after checkout; only the payment reference is status-dependent,
// so it is given to the payment events alone.
internal static class OrderEventMapper
{
    public static CartKitEvent ToEvent(Order order, RecordedOrderEvent recorded, int index) => new()
    {
        Id = OrderEventRules.EventId(order.Id, index + 1),
        Type = recorded.Type,
        OccurredAt = recorded.OccurredAt,
        CartId = order.CartId,
        OrderId = order.Id,
        CartVersion = order.CartVersion,
        Sequence = index + 1,
        Currency = order.Currency,
        Subtotal = order.Subtotal,
        Total = order.Total,
        Lines = order.Lines,
        Email = order.Details.Email,
        PaymentReference = recorded.Type is CartKitEventType.OrderPaid or CartKitEventType.OrderPaymentConflict
            ? order.PaymentReference
            : null,
    };
}
