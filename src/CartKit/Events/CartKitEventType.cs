namespace CartKit.Events;

/// <summary>What a <see cref="CartKitEvent"/> reports. Each order records each type at most once.</summary>
public enum CartKitEventType
{
    /// <summary>Checkout created the order (pending payment).</summary>
    OrderPlaced = 0,

    /// <summary>The pending order was replaced by a newer checkout of its cart, or beaten by another paid order.</summary>
    OrderSuperseded = 1,

    /// <summary>The pending order was not paid before it expired.</summary>
    OrderExpired = 2,

    /// <summary>The shopper cancelled the pending order.</summary>
    OrderCancelled = 3,

    /// <summary>Payment of the order was confirmed.</summary>
    OrderPaid = 4,

    /// <summary>A payment arrived for an order that could no longer be fulfilled: money to refund or fulfil by hand.</summary>
    OrderPaymentConflict = 5,

    /// <summary>A cart became abandoned (reserved for the abandoned-cart worker; orders do not record it).</summary>
    CartAbandoned = 6,
}
