using CartKit.Checkout;
using CartKit.Domain;

namespace CartKit.Testing.Engines;

/// <summary>Confirms payments in tests the way a payment integration does: for the order's exact total.</summary>
public static class PaymentTestExtensions
{
    /// <summary>Confirms a payment of <paramref name="order"/>'s total under <paramref name="reference"/>.</summary>
    /// <param name="checkout">The checkout engine.</param>
    /// <param name="order">The order to pay (its id and total are used).</param>
    /// <param name="reference">The payment reference.</param>
    /// <returns>The engine's result.</returns>
    public static ValueTask<CartKitResult<Order>> PayAsync(this ICheckoutEngine checkout, Order order, string reference)
    {
        ArgumentNullException.ThrowIfNull(checkout);
        ArgumentNullException.ThrowIfNull(order);
        return checkout.ConfirmPaymentAsync(order.Id, new PaymentConfirmation(reference, order.Total));
    }
}
