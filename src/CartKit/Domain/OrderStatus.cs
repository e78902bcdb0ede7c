namespace CartKit.Domain;

/// <summary>
/// The lifecycle state of an order. Every transition, and who may trigger it, is in one table:
/// docs/concepts.md, "Order lifecycle", enforced by CartKit's order lifecycle rules.
/// </summary>
/// <remarks>
/// Only <see cref="PendingPayment"/> can be paid. The end states without payment (<see cref="Superseded"/>,
/// <see cref="Expired"/>, <see cref="Cancelled"/>) free the cart for a new checkout; a payment that still arrives for
/// one of them is kept as <see cref="PaymentConflict"/>, never dropped.
/// </remarks>
public enum OrderStatus
{
    /// <summary>Created by checkout; waiting for payment confirmation until <see cref="Order.ExpiresAt"/>.</summary>
    PendingPayment = 0,

    /// <summary>Payment was confirmed; the cart it came from is completed.</summary>
    Paid = 1,

    /// <summary>Replaced by a newer checkout of the changed cart, or beaten by another paid order; it cannot be paid.</summary>
    Superseded = 2,

    /// <summary>Not paid before <see cref="Order.ExpiresAt"/>; it cannot be paid.</summary>
    Expired = 3,

    /// <summary>Cancelled by the shopper before payment; it cannot be paid.</summary>
    Cancelled = 4,

    /// <summary>
    /// A payment was confirmed for an order that could no longer be fulfilled (superseded, expired, cancelled, or
    /// another order of its cart was paid first). The money is recorded (<see cref="Order.PaymentReference"/>,
    /// <see cref="Order.PaidAt"/>) for a person to refund or fulfil by hand; nothing ships automatically.
    /// </summary>
    PaymentConflict = 5,
}
