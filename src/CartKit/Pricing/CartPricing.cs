using CartKit.Domain;

namespace CartKit.Pricing;

// The result of pricing a cart's lines with its details: the adjustments, and the details as they are kept (only the
// discount codes and shipping method an adjustment accepted). Checked is false when nothing could be checked: an empty
// cart is never priced, so it keeps its details as they are until it has lines again.
internal readonly record struct CartPricing(IReadOnlyList<AdjustmentLine> Adjustments, CheckoutDetails Details, bool Checked);
