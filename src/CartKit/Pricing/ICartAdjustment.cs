namespace CartKit.Pricing;

/// <summary>
/// A pricing step (a discount, tax, shipping) that adds named adjustment lines to a cart or order total.
/// Adjustments run in the order they were registered, each seeing the running total left by the ones before.
/// </summary>
/// <remarks>
/// Register with <c>builder.AddCartAdjustment&lt;T&gt;()</c>. Adjustments run whenever a cart's lines, checkout details
/// or user change, and again at checkout (never for an empty cart), so they must be deterministic for the same input
/// and fast. An adjustment that applies a discount code or prices the shipping method accepts it
/// (<see cref="CartPricingContext.AcceptDiscountCode"/>, <see cref="CartPricingContext.AcceptShippingMethod"/>); codes
/// and methods no adjustment accepts are not kept.
/// </remarks>
public interface ICartAdjustment
{
    /// <summary>Adds zero or more adjustment lines to <paramref name="context"/>.</summary>
    /// <param name="context">The lines being priced and the adjustments so far.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A task that completes when the adjustment has been applied.</returns>
    ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default);
}
