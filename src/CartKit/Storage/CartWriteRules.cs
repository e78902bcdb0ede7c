using CartKit.Domain;

namespace CartKit.Storage;

// Versions only ever move forward by one; every store checks it the same way before writing.
internal static class CartWriteRules
{
    public static void EnsureNextVersion(Cart cart, long expectedVersion)
    {
        if (cart.Version != expectedVersion + 1)
        {
            throw new ArgumentException(
                $"A replacement must be version {expectedVersion + 1} (the expected version plus one), not {cart.Version}.",
                nameof(cart));
        }
    }
}
