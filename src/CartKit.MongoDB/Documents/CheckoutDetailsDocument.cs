namespace CartKit.MongoDB.Documents;

// A cart's or order's checkout details, nested in its parent as `details` (left out when there are none). Fields that
// are null, and an empty list of discount codes, are left out too.
internal sealed class CheckoutDetailsDocument
{
    public string? Email { get; set; }

    public AddressDocument? ShippingAddress { get; set; }

    public AddressDocument? BillingAddress { get; set; }

    public string? ShippingMethod { get; set; }

    public List<string> DiscountCodes { get; set; } = [];
}
