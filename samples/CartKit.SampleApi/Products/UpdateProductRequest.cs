namespace CartKit.SampleApi.Products;

/// <summary>A new price, availability and (optionally) stock for a demo product.</summary>
/// <param name="UnitPrice">The unit price in minor units of the product's currency (required, 0 to 100,000,000).</param>
/// <param name="Available">Whether it can be added to a cart and checked out (required).</param>
/// <param name="Stock">The units available to check out from now on (optional, 0 to 1,000,000,000; units held by pending orders stay held). Left as it is when absent.</param>
public sealed record UpdateProductRequest(long? UnitPrice, bool? Available, long? Stock = null);
