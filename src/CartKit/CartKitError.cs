using CartKit.Checkout;
using CartKit.Internal;
using CartKit.Inventory;

namespace CartKit;

/// <summary>Why an operation was refused: a stable code, a message for people, and the input it concerns.</summary>
/// <param name="Code">The kind of refusal.</param>
/// <param name="Message">A description for developers and logs; it never contains a session id.</param>
/// <param name="Target">The input the error concerns (for example <c>quantity</c> or <c>sku</c>), when there is one.</param>
public sealed record CartKitError(CartKitErrorCode Code, string Message, string? Target = null)
{
    /// <summary>
    /// Gets, for <see cref="CartKitErrorCode.PriceChanged"/>, every line whose price changed or whose product is no
    /// longer available; empty otherwise.
    /// </summary>
    public IReadOnlyList<PriceChange> PriceChanges { get; init => field = Frozen.List(value); } = Frozen.Empty<PriceChange>();

    /// <summary>
    /// Gets, for <see cref="CartKitErrorCode.InsufficientStock"/>, every sku short of units, with the units requested
    /// and available; empty otherwise.
    /// </summary>
    public IReadOnlyList<StockShortage> StockShortages { get; init => field = Frozen.List(value); } = Frozen.Empty<StockShortage>();
}
