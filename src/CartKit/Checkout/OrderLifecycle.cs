using CartKit.Carts;
using CartKit.Domain;

namespace CartKit.Checkout;

// The order lifecycle, in one place: what each request does to an order in each status (as of now, so a pending order
// past its expiry is Expired). docs/concepts.md, "Order lifecycle", is this table in prose; the stores' conditional
// updates (OrderEndStates) make each transition atomic.
//
//   status            checkout of its cart version   payment                       cancel (owner's session)
//   PendingPayment    reuse it                       pay (→ Paid)                  → Cancelled
//   Paid              cart completed                 same reference: replay        refused: not cancellable
//   Superseded        free the cart, new order       record → PaymentConflict      refused: superseded
//   Expired           free the cart, new order       record → PaymentConflict      refused: expired
//   Cancelled         free the cart, new order       record → PaymentConflict      replay (already cancelled)
//   PaymentConflict   free the cart, new order       same reference: replay        refused: not cancellable
//
// CartKit itself moves PendingPayment → Superseded (a newer checkout, a stale one, another order paid) and → Expired
// (time); only the payment integration pays, and only the shopper cancels.
internal static class OrderLifecycle
{
    public static CheckoutStep OnCheckout(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => CheckoutStep.Reuse,
        OrderStatus.Paid => CheckoutStep.CartCompleted,
        _ => CheckoutStep.FreeCart,
    };

    public static PaymentStep OnPayment(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => PaymentStep.Pay,
        OrderStatus.Paid or OrderStatus.PaymentConflict => PaymentStep.Replay,
        _ => PaymentStep.RecordConflict,
    };

    // Null: cancel it (or, when already cancelled, return it as it is).
    public static CartKitError? RefuseCancel(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment or OrderStatus.Cancelled => null,
        OrderStatus.Expired => CartErrors.OrderExpired,
        OrderStatus.Superseded => CartErrors.OrderSuperseded,
        _ => CartErrors.OrderNotCancellable,
    };
}

internal enum CheckoutStep
{
    Reuse,
    CartCompleted,
    FreeCart,
}

internal enum PaymentStep
{
    Pay,
    Replay,
    RecordConflict,
}
