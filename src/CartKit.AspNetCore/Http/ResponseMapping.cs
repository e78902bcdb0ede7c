using CartKit.AspNetCore.Contracts;
using CartKit.Carts;
using CartKit.Checkout;
using CartKit.Domain;
using CartKit.Inventory;

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
        Warnings(cart.Warnings),
        Details(cart.Details));

    public static CreateCartResponse ToResponse(this CartSessionCreated created) =>
        new(created.SessionId, created.ExpiresAt, created.Cart.ToResponse());

    // withPayment: the payment reference is shown only to the payment integration (the payment route's answer).
    public static OrderResponse ToResponse(this Order order, bool withPayment) => new(
        order.Id,
        order.CartId,
        order.CartVersion,
        order.Status switch
        {
            OrderStatus.Paid => "paid",
            OrderStatus.Superseded => "superseded",
            OrderStatus.Expired => "expired",
            OrderStatus.Cancelled => "cancelled",
            OrderStatus.PaymentConflict => "paymentConflict",
            _ => "pendingPayment",
        },
        order.Currency.Code,
        Lines(order.Lines),
        Adjustments(order.Adjustments),
        order.Subtotal.Amount,
        order.Total.Amount,
        order.CreatedAt,
        order.ExpiresAt == DateTimeOffset.MaxValue ? null : order.ExpiresAt,
        order.PaidAt,
        order.ClosedAt,
        withPayment ? order.PaymentReference : null,
        Details(order.Details));

    public static StockShortageResponse[] ToResponse(this IReadOnlyList<StockShortage> shortages) =>
        [.. shortages.Select(static s => new StockShortageResponse(s.Sku, s.Requested, s.Available))];

    public static PriceChangeResponse[] ToResponse(this IReadOnlyList<PriceChange> changes)
    {
        var result = new PriceChangeResponse[changes.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var change = changes[i];
            result[i] = new PriceChangeResponse(change.ItemId, change.Sku, change.PreviousUnitPrice.Amount, change.UnitPrice?.Amount, change.UnitPrice is not null);
        }

        return result;
    }

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

    // Nearly every cart has none: one shared empty array, nothing allocated.
    private static CartWarningResponse[] Warnings(IReadOnlyList<CartWarning> warnings)
    {
        if (warnings.Count == 0)
        {
            return [];
        }

        var result = new CartWarningResponse[warnings.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var warning = warnings[i];
            var code = warning.Code switch
            {
                CartWarningCode.MergeQuantityCapped => "mergeQuantityCapped",
                CartWarningCode.MergeLineDropped => "mergeLineDropped",
                _ => "unspecified",
            };
            result[i] = new CartWarningResponse(code, warning.Sku, warning.ItemId, warning.RequestedQuantity, warning.KeptQuantity, warning.Message);
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
