namespace CartKit.Domain;

/// <summary>The lifecycle state of an order.</summary>
public enum OrderStatus
{
    /// <summary>Created by checkout; waiting for payment confirmation.</summary>
    PendingPayment = 0,

    /// <summary>Payment was confirmed; the cart it came from is completed.</summary>
    Paid = 1,

    /// <summary>Replaced by a newer checkout of the changed cart, or beaten by another paid order; it cannot be paid.</summary>
    Superseded = 2,
}
