namespace CartKit.Catalog;

// One definition of a well-formed sku, checked before any catalog or store sees caller input.
internal static class Sku
{
    public const int MaxLength = 64;

    public static bool IsValid(string? sku)
    {
        if (string.IsNullOrEmpty(sku) || sku.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in sku)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
