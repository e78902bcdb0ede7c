namespace CartKit.MongoDB.Documents;

// A postal address of checkout details. Optional fields that are null are left out.
internal sealed class AddressDocument
{
    public string Name { get; set; } = string.Empty;

    public string Line1 { get; set; } = string.Empty;

    public string? Line2 { get; set; }

    public string City { get; set; } = string.Empty;

    public string? PostalCode { get; set; }

    public string? Region { get; set; }

    public string Country { get; set; } = string.Empty;
}
