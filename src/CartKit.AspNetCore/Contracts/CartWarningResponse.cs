namespace CartKit.AspNetCore.Contracts;

/// <summary>A non-blocking notice to show the shopper: what a sign-in merge could not keep. It stays until the cart next changes.</summary>
/// <param name="Code"><c>mergeQuantityCapped</c> (a line kept fewer units than the merge asked for) or <c>mergeLineDropped</c> (a line of the guest cart was not added).</param>
/// <param name="Sku">The product the warning is about.</param>
/// <param name="ItemId">The cart line it is about; null when the line was not added.</param>
/// <param name="RequestedQuantity">The units the merge asked for.</param>
/// <param name="KeptQuantity">The units the cart holds; 0 when the line was not added.</param>
/// <param name="Message">What happened and why, in English, for the shopper.</param>
public sealed record CartWarningResponse(string Code, string Sku, string? ItemId, int RequestedQuantity, int KeptQuantity, string Message);
