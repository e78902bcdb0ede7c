using CartKit.AspNetCore.Contracts;
using CartKit.Carts;
using CartKit.Domain;

namespace CartKit.AspNetCore.Http;

// Domain to wire format: amounts as integers in minor units, statuses as camelCase strings.
internal static class ResponseMapping
{
    public static CartResponse ToResponse(this Cart cart) => new(
        cart.Id,
        cart.Status == CartStatus.Completed ? "completed" : "active",
        cart.Currency.Code,
        cart.Version,
        Lines(cart.Lines),
        Adjustments(cart.Adjustments),
        cart.ItemCount,
        cart.Subtotal.Amount,
        cart.Total.Amount,
        cart.CreatedAt,
        cart.UpdatedAt,
        Details(cart.Details));

    public static CreateCartResponse ToResponse(this CartSessionCreated created) =>
        new(created.SessionId, created.ExpiresAt, created.Cart.ToResponse());

    public static OrderResponse ToResponse(this Order order) => new(
        order.Id,
        order.CartId,
        order.CartVersion,
        order.Status switch
        {
            OrderStatus.Paid => "paid",
            OrderStatus.Superseded => "superseded",
            _ => "pendingPayment",
        },
        order.Currency.Code,
        Lines(order.Lines),
        Adjustments(order.Adjustments),
        order.Subtotal.Amount,
        order.Total.Amount,
        order.CreatedAt,
        order.PaidAt,
        order.PaymentReference,
        Details(order.Details));

    private static readonly CheckoutDetailsResponse NoDetails = new(null, null, null, null, []);

    private static CheckoutDetailsResponse Details(CheckoutDetails details) => details.IsEmpty
        ? NoDetails
        : new(details.Email, Address(details.ShippingAddress), Address(details.BillingAddress), details.ShippingMethod, details.DiscountCodes);

    private static PostalAddressResponse? Address(PostalAddress? a) =>
        a is null ? null : new(a.Name, a.Line1, a.Line2, a.City, a.PostalCode, a.Region, a.Country);

    private static LineItemResponse[] Lines(IReadOnlyList<LineItem> lines)
    {
        var result = new LineItemResponse[lines.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var line = lines[i];
            result[i] = new LineItemResponse(line.ItemId, line.Sku, line.Name, line.Quantity, line.UnitPrice.Amount, line.LineTotal.Amount);
        }

        return result;
    }

    private static AdjustmentResponse[] Adjustments(IReadOnlyList<AdjustmentLine> adjustments)
    {
        var result = new AdjustmentResponse[adjustments.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new AdjustmentResponse(adjustments[i].Name, adjustments[i].Amount.Amount);
        }

        return result;
    }
}
