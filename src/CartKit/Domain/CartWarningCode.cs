namespace CartKit.Domain;

/// <summary>
/// What a <see cref="CartWarning"/> reports. Each code is a stable contract: stores keep it by name or number, and the
/// HTTP API writes it in camelCase (<c>mergeQuantityCapped</c>).
/// </summary>
public enum CartWarningCode
{
    /// <summary>No code was given: a warning made with a default value, which is a bug in the code that made it.</summary>
    Unspecified = 0,

    /// <summary>
    /// A sign-in merge kept fewer units of a line than the merge strategy asked for, because a line holds at most
    /// <see cref="CartKitOptions.MaxQuantityPerLine"/> units.
    /// </summary>
    MergeQuantityCapped = 1,

    /// <summary>
    /// A sign-in merge left a line of the guest cart out of the merged cart: the cart already held
    /// <see cref="CartKitOptions.MaxLinesPerCart"/> lines, or the guest cart was priced in another currency. The line
    /// stays on the guest cart, which is kept (status <see cref="CartStatus.Merged"/>).
    /// </summary>
    MergeLineDropped = 2,
}
