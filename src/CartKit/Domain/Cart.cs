using CartKit.Internal;

namespace CartKit.Domain;

/// <summary>
/// A shopping cart: an immutable snapshot at one <see cref="Version"/>. Every change produces a new snapshot with
/// the version incremented, and stores accept it only if the version they hold is the one it was made from.
/// Immutable by construction: its lists are copied into immutable arrays when assigned, so one snapshot can be shared
/// by every request that reads it.
/// </summary>
public sealed record Cart
{
    /// <summary>Gets the cart id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets who the cart belongs to.</summary>
    public required CartOwner Owner { get; init; }

    /// <summary>Gets the stored lifecycle state.</summary>
    public CartStatus Status { get; init; }

    /// <summary>Gets the cart's single currency; every line is priced in it.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the lines, in the order they were first added.</summary>
    public IReadOnlyList<LineItem> Lines { get; init => field = Frozen.List(value); } = Frozen.Empty<LineItem>();

    /// <summary>Gets the adjustments (discounts, tax, shipping) computed when the lines last changed.</summary>
    public IReadOnlyList<AdjustmentLine> Adjustments { get; init => field = Frozen.List(value); } = Frozen.Empty<AdjustmentLine>();

    /// <summary>Gets the version; 1 when created, incremented by every change.</summary>
    public long Version { get; init; }

    /// <summary>Gets when the cart was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the cart last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when the cart's owner last changed it or signed in to it; drives abandonment.</summary>
    public DateTimeOffset LastActivityAt { get; init; }

    /// <summary>Gets, for a <see cref="CartStatus.Merged"/> cart, the user cart its lines went into.</summary>
    public string? MergedIntoCartId { get; init; }

    /// <summary>Gets the guest carts already merged into this one, so a merge is applied exactly once.</summary>
    public IReadOnlyList<string> MergedCartIds { get; init => field = Frozen.List(value); } = Frozen.Empty<string>();

    /// <summary>Gets, for a <see cref="CartStatus.Completed"/> cart, the paid order that completed it.</summary>
    public string? CompletedByOrderId { get; init; }

    /// <summary>
    /// Gets, for a <see cref="CartStatus.Completed"/> cart whose paid order held less than the cart did (the shopper
    /// added after checking out), the new active cart holding the rest; requests through the cart's session follow it.
    /// </summary>
    public string? RemainderCartId { get; init; }

    /// <summary>
    /// Gets the non-blocking warnings about this cart: what a sign-in merge could not keep. A merge adds its warnings to
    /// the cart it writes, so they reach the shopper whichever request performed the merge; the next edit of the cart
    /// through <see cref="Carts.ICartEngine"/> (adding, changing or removing a line, clearing) clears them. Empty by default.
    /// </summary>
    public IReadOnlyList<CartWarning> Warnings { get; init => field = Frozen.List(value); } = Frozen.Empty<CartWarning>();

    /// <summary>
    /// Gets the checkout details (email, addresses, shipping method, discount codes); <see cref="CheckoutDetails.None"/>
    /// until the shopper sets some. Every discount code and shipping method kept here was accepted by the pricing hook
    /// the last time the cart was priced.
    /// </summary>
    public CheckoutDetails Details { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = CheckoutDetails.None;

    /// <summary>Gets the number of units across all lines.</summary>
    public int ItemCount => Totals.ItemCount(Lines);

    /// <summary>Gets the sum of the line totals.</summary>
    public Money Subtotal => Totals.Subtotal(Lines, Currency);

    /// <summary>Gets the subtotal plus the adjustments.</summary>
    public Money Total => Totals.Total(Lines, Adjustments, Currency);

    /// <summary>Finds a line by its item id.</summary>
    /// <param name="itemId">The item id.</param>
    /// <returns>The line, or <see langword="null"/>.</returns>
    public LineItem? FindLine(string itemId)
    {
        foreach (var line in Lines)
        {
            if (string.Equals(line.ItemId, itemId, StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>
    /// Gets whether the cart is abandoned at <paramref name="now"/>: still active, but its session (whose TTL
    /// is <paramref name="sessionTtl"/>) has expired since the last activity.
    /// </summary>
    /// <param name="now">The time to evaluate at.</param>
    /// <param name="sessionTtl">The cart session TTL.</param>
    /// <returns><see langword="true"/> when abandoned.</returns>
    public bool IsAbandonedAt(DateTimeOffset now, TimeSpan sessionTtl) =>
        Status == CartStatus.Active && LastActivityAt + sessionTtl <= now;
}
