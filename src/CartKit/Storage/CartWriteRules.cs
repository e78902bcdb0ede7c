using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>Checks every <see cref="ICartRepository"/> makes the same way before writing.</summary>
public static class CartWriteRules
{
    /// <summary>Refuses a replacement whose version is not the expected version plus one: versions only ever move forward by one.</summary>
    /// <param name="cart">The replacement.</param>
    /// <param name="expectedVersion">The version it was made from.</param>
    /// <exception cref="ArgumentException">The replacement's version is not <paramref name="expectedVersion"/> + 1.</exception>
    public static void EnsureNextVersion(Cart cart, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.Version != expectedVersion + 1)
        {
            throw new ArgumentException(
                $"A replacement must be version {expectedVersion + 1} (the expected version plus one), not {cart.Version}.",
                nameof(cart));
        }
    }
}
