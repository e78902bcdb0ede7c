using CartKit.Internal;

namespace CartKit.Domain;

/// <summary>
/// An order: a priced snapshot of one version of a cart, made by checkout. One cart can have many orders over
/// time, but only one per cart version and at most one paid. Immutable by construction, like <see cref="Cart"/>.
/// </summary>
public sealed record Order
{
    /// <summary>Gets the order id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the cart the order was made from.</summary>
    public required string CartId { get; init; }

    /// <summary>Gets the cart version the order was made from.</summary>
    public required long CartVersion { get; init; }

    /// <summary>Gets who the cart belonged to at checkout.</summary>
    public required CartOwner Owner { get; init; }

    /// <summary>Gets the lifecycle state.</summary>
    public OrderStatus Status { get; init; }

    /// <summary>Gets the currency.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the lines, priced from the catalog at checkout time.</summary>
    public IReadOnlyList<LineItem> Lines { get; init => field = Frozen.List(value); } = Frozen.Empty<LineItem>();

    /// <summary>Gets the adjustments computed at checkout time.</summary>
    public IReadOnlyList<AdjustmentLine> Adjustments { get; init => field = Frozen.List(value); } = Frozen.Empty<AdjustmentLine>();

    /// <summary>Gets when checkout created the order.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Gets when a <see cref="OrderStatus.PendingPayment"/> order stops being payable: its creation plus
    /// <see cref="CartKitOptions.PendingOrderTtl"/>. From then on it reads as <see cref="OrderStatus.Expired"/>.
    /// </summary>
    public DateTimeOffset ExpiresAt { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>Gets when a payment for the order was confirmed (<see cref="OrderStatus.Paid"/> or <see cref="OrderStatus.PaymentConflict"/>).</summary>
    public DateTimeOffset? PaidAt { get; init; }

    /// <summary>Gets the payment provider's reference given at confirmation.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>Gets when the order left <see cref="OrderStatus.PendingPayment"/> without being paid (superseded, expired or cancelled).</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>
    /// Gets the status at <paramref name="now"/>: a <see cref="OrderStatus.PendingPayment"/> order past
    /// <see cref="ExpiresAt"/> is <see cref="OrderStatus.Expired"/> even before anything recorded it.
    /// </summary>
    /// <param name="now">The time to evaluate at.</param>
    /// <returns>The status.</returns>
    public OrderStatus StatusAt(DateTimeOffset now) =>
        Status == OrderStatus.PendingPayment && now >= ExpiresAt ? OrderStatus.Expired : Status;
    /// <summary>
    /// Gets the checkout details of the cart at checkout, with the discount codes and shipping method the pricing
    /// accepted then; <see cref="CheckoutDetails.None"/> when it had none.
    /// </summary>
    public CheckoutDetails Details { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = CheckoutDetails.None;

    /// <summary>Gets the number of units across all lines.</summary>
    public int ItemCount => Totals.ItemCount(Lines);

    /// <summary>Gets the sum of the line totals.</summary>
    public Money Subtotal => Totals.Subtotal(Lines, Currency);

    /// <summary>Gets the amount to pay: the subtotal plus the adjustments.</summary>
    public Money Total => Totals.Total(Lines, Adjustments, Currency);
}
