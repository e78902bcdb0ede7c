using CartKit.Domain;

namespace CartKit.MongoDB.Documents;

// A warning of a cart (what a sign-in merge could not keep), nested in the cart. Carts carry warnings only between a
// merge and the next edit, so the cart's list is left out of the document when empty.
internal sealed class WarningDocument
{
    public CartWarningCode Code { get; set; }

    public string Sku { get; set; } = string.Empty;

    public string? ItemId { get; set; }

    public int RequestedQuantity { get; set; }

    public int KeptQuantity { get; set; }

    public string Message { get; set; } = string.Empty;
}
