using CartKit.Domain;
using CartKit.Sessions;
using CartKit.Storage;

namespace CartKit.Testing;

/// <summary>Builds carts and orders for store tests, with every field populated so round trips are meaningful.</summary>
public static class Samples
{
    /// <summary>The instant samples are stamped with (and the harness's fake clock starts at): 24 November 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Checkout details with every field set, including optional address fields left empty on one address and text
    /// outside ASCII, as a store must keep them.
    /// </summary>
    public static readonly CheckoutDetails Details = new()
    {
        Email = "jo.muller@example.com",
        ShippingAddress = new PostalAddress
        {
            Name = "Jo Müller",
            Line1 = "Hauptstraße 5",
            Line2 = "3. OG \"links\"",
            City = "Köln",
            PostalCode = "50667",
            Region = "NRW",
            Country = "DE",
        },
        BillingAddress = new PostalAddress { Name = "Example GmbH", Line1 = "1 Rue de Rivoli", City = "Paris", Country = "FR" },
        ShippingMethod = "express",
        DiscountCodes = ["WELCOME10", "VIP-2026"],
    };

    /// <summary>
    /// A cart with two lines, two adjustments (one negative), checkout details (<see cref="Details"/>) and distinct
    /// creation and update times; every argument left out gets a fresh or typical value.
    /// </summary>
    /// <param name="id">The cart id; a new one when <see langword="null"/>.</param>
    /// <param name="sessionId">The owner's session id; a new one when <see langword="null"/>.</param>
    /// <param name="userId">The owner's user id; a guest cart when <see langword="null"/>.</param>
    /// <param name="status">The status.</param>
    /// <param name="lastActivity">The last activity (and update) time; <see cref="T0"/> when <see langword="null"/>.</param>
    /// <param name="version">The version.</param>
    /// <param name="currency">The currency of the cart and its prices; US dollars when <see langword="null"/>.</param>
    /// <returns>The cart.</returns>
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
            Details = Details,
            Version = version,
            CreatedAt = T0.AddMinutes(-5),
            UpdatedAt = at,
            LastActivityAt = at,
        };
    }

    /// <summary>
    /// <paramref name="cart"/> with the warnings a sign-in merge leaves: one capped line (naming the cart's first line)
    /// and one dropped line (no item id), with messages a serializer must escape.
    /// </summary>
    /// <param name="cart">The cart; it needs at least one line.</param>
    /// <returns>The cart with two warnings.</returns>
    public static Cart WithWarnings(Cart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var line = cart.Lines[0];
        return cart with
        {
            Warnings =
            [
                new CartWarning(CartWarningCode.MergeQuantityCapped, line.Sku, line.ItemId, 120, 99, $"99 of the 120 units of {line.Sku} were kept: a line holds at most 99 units."),
                new CartWarning(CartWarningCode.MergeLineDropped, "CAP-ü", null, 1, 0, "CAP-ü (1 unit) \"from the cart you shopped as a guest\" was not added."),
            ],
        };
    }

    /// <summary>An order of <paramref name="cart"/>'s current version, with its lines, adjustments, checkout details and owner.</summary>
    /// <param name="cart">The cart the order is made from.</param>
    /// <param name="status">The status; a paid order gets a payment time and reference.</param>
    /// <param name="createdAt">When the order was made; <see cref="T0"/> when <see langword="null"/>.</param>
    /// <returns>The order, with a new id.</returns>
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
        Details = cart.Details,
        CreatedAt = createdAt ?? T0,
        ExpiresAt = (createdAt ?? T0).AddHours(1),
        PaidAt = status is OrderStatus.Paid or OrderStatus.PaymentConflict ? T0.AddMinutes(1) : null,
        PaymentReference = status is OrderStatus.Paid or OrderStatus.PaymentConflict ? "pi_123" : null,
        ClosedAt = OrderEndStates.IsClosing(status) ? T0.AddMinutes(2) : null,
    };

    /// <summary>The next version of <paramref name="cart"/>, one second later, optionally changed first.</summary>
    /// <param name="cart">The stored version.</param>
    /// <param name="change">The change to make, or <see langword="null"/> for none.</param>
    /// <returns>The cart at version + 1, ready for <c>ReplaceAsync(next, cart.Version)</c>.</returns>
    public static Cart Next(Cart cart, Func<Cart, Cart>? change = null) =>
        (change?.Invoke(cart) ?? cart) with { Version = cart.Version + 1, UpdatedAt = cart.UpdatedAt.AddSeconds(1) };
}
