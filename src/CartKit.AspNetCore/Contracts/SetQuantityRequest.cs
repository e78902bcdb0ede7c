namespace CartKit.AspNetCore.Contracts;

/// <summary>Sets a line's quantity.</summary>
/// <param name="Quantity">The new quantity (required); 0 removes the line.</param>
public sealed record SetQuantityRequest(int? Quantity);
