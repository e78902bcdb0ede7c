namespace CartKit.Events;

/// <summary>The wire names of event types (<c>order.placed</c>, ...), as metrics tag them and webhooks may send them.</summary>
public static class CartKitEventNames
{
    /// <summary>Gets the name of an event type: <c>order.placed</c>, <c>order.superseded</c>, <c>order.expired</c>,
    /// <c>order.cancelled</c>, <c>order.paid</c>, <c>order.payment_conflict</c> or <c>cart.abandoned</c>.</summary>
    /// <param name="type">The event type.</param>
    /// <returns>The name.</returns>
    public static string Of(CartKitEventType type) => type switch
    {
        CartKitEventType.OrderPlaced => "order.placed",
        CartKitEventType.OrderSuperseded => "order.superseded",
        CartKitEventType.OrderExpired => "order.expired",
        CartKitEventType.OrderCancelled => "order.cancelled",
        CartKitEventType.OrderPaid => "order.paid",
        CartKitEventType.OrderPaymentConflict => "order.payment_conflict",
        CartKitEventType.CartAbandoned => "cart.abandoned",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown event type."),
    };
}
