using CartKit.Domain;
using CartKit.Sessions;

namespace CartKit.Testing;

/// <summary>Builds carts and orders for store tests, with every field populated so round trips are meaningful.</summary>
public static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static Cart Cart(
        string? id = null,
        string? sessionId = null,
        string? userId = null,
        CartStatus status = CartStatus.Active,
        DateTimeOffset? lastActivity = null,
        long version = 1,
        Currency? currency = null)
    {
        currency ??= Currency.USD;
        var at = lastActivity ?? T0;
        return new Cart
        {
            Id = id ?? CartKitIds.NewCartId(),
            Owner = new CartOwner(sessionId ?? SessionIds.New(), userId),
            Status = status,
            Currency = currency,
            Lines =
            [
                new LineItem(CartKitIds.NewItemId(), "SHIRT", "Shirt \"classic\" ü", new Money(1999, currency), 2),
                new LineItem(CartKitIds.NewItemId(), "MUG", "Mug", new Money(1250, currency), 1),
            ],
            Adjustments = [new AdjustmentLine("Shipping", new Money(499, currency)), new AdjustmentLine("Welcome -10%", new Money(-525, currency))],
            Version = version,
            CreatedAt = T0.AddMinutes(-5),
            UpdatedAt = at,
            LastActivityAt = at,
        };
    }

    public static Order Order(Cart cart, OrderStatus status = OrderStatus.PendingPayment, DateTimeOffset? createdAt = null) => new()
    {
        Id = CartKitIds.NewOrderId(),
        CartId = cart.Id,
        CartVersion = cart.Version,
        Owner = cart.Owner,
        Status = status,
        Currency = cart.Currency,
        Lines = cart.Lines,
        Adjustments = cart.Adjustments,
        CreatedAt = createdAt ?? T0,
        PaidAt = status == OrderStatus.Paid ? T0.AddMinutes(1) : null,
        PaymentReference = status == OrderStatus.Paid ? "pi_123" : null,
    };

    public static Cart Next(Cart cart, Func<Cart, Cart>? change = null) =>
        (change?.Invoke(cart) ?? cart) with { Version = cart.Version + 1, UpdatedAt = cart.UpdatedAt.AddSeconds(1) };
}
