using CartKit.Domain;

namespace CartKit.Checkout;

// Why money arrived for an order that cannot be fulfilled, as a small fixed set of words: a metric tag, a log field and
// the problem's wording.
internal static class PaymentConflicts
{
    public static string Reason(OrderStatus was) => was switch
    {
        OrderStatus.Superseded => "superseded",
        OrderStatus.Expired => "expired",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.Paid => "already_paid",
        OrderStatus.PaymentConflict => "already_in_conflict",
        _ => "another_order_paid",
    };
}
