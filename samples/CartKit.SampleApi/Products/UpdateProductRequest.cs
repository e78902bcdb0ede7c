namespace CartKit.SampleApi.Products;

/// <summary>A new price and availability for a demo product.</summary>
/// <param name="UnitPrice">The unit price in minor units of the product's currency (required, 0 to 100,000,000).</param>
/// <param name="Available">Whether it can be added to a cart and checked out (required).</param>
public sealed record UpdateProductRequest(long? UnitPrice, bool? Available);
