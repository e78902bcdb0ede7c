using CartKit.Domain;
using CartKit.Internal;

namespace CartKit.Events;

/// <summary>
/// Something that happened to an order or a cart, as handed to every <see cref="ICartKitEventSubscriber"/>. Events are
/// delivered at least once: a handler may see the same <see cref="Id"/> again and must treat the repeat as done.
/// </summary>
public sealed record CartKitEvent
{
    /// <summary>
    /// Gets the event id: stable across redeliveries and unique across events
    /// (<c>&lt;order id&gt;-&lt;sequence&gt;</c> for order events), so receivers deduplicate on it.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>Gets what happened.</summary>
    public required CartKitEventType Type { get; init; }

    /// <summary>Gets when it happened: the time of the state change that recorded the event.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets the cart the event is about (the order's cart for order events).</summary>
    public required string CartId { get; init; }

    /// <summary>Gets the order the event is about; <see langword="null"/> for cart events.</summary>
    public string? OrderId { get; init; }

    /// <summary>Gets the cart version the order was made from; 0 for cart events.</summary>
    public long CartVersion { get; init; }

    /// <summary>
    /// Gets the event's position among the events of its order (1 for <see cref="CartKitEventType.OrderPlaced"/>).
    /// Events of one order are delivered in this order.
    /// </summary>
    public int Sequence { get; init; }

    /// <summary>Gets the currency of the amounts.</summary>
    public required Currency Currency { get; init; }

    /// <summary>Gets the sum of the line totals.</summary>
    public required Money Subtotal { get; init; }

    /// <summary>Gets the amount to pay (subtotal plus adjustments).</summary>
    public required Money Total { get; init; }

    /// <summary>Gets the lines (sku, name, unit price, quantity) as priced at checkout.</summary>
    public IReadOnlyList<LineItem> Lines { get; init => field = Frozen.List(value); } = Frozen.Empty<LineItem>();

    /// <summary>Gets the customer's email from the checkout details, when the shopper gave one.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the payment provider's reference, for <see cref="CartKitEventType.OrderPaid"/> and <see cref="CartKitEventType.OrderPaymentConflict"/>.</summary>
    public string? PaymentReference { get; init; }
}
