using CartKit.Internal;

namespace CartKit.Inventory;

/// <summary>The units one order holds: named by its cart id and cart version.</summary>
/// <param name="CartId">The order's cart id.</param>
/// <param name="CartVersion">The order's cart version.</param>
/// <param name="ExpiresAt">When the order stops being payable; after it the expiry sweep settles the reservation.</param>
public sealed record StockReservation(string CartId, long CartVersion, DateTimeOffset ExpiresAt)
{
    /// <summary>Gets the units per sku, one entry per sku.</summary>
    public IReadOnlyList<StockLine> Lines { get; init => field = Frozen.List(value); } = Frozen.Empty<StockLine>();
}
