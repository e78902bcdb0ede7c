using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>A page of carts.</summary>
/// <param name="Carts">The carts on this page.</param>
/// <param name="ContinuationToken">Pass it back for the next page; <see langword="null"/> on the last page.</param>
public sealed record CartPage(IReadOnlyList<Cart> Carts, string? ContinuationToken);
