using CartKit.Domain;

namespace CartKit.Caching;

/// <summary>
/// A cart read an <see cref="ICartCache"/> sent ahead (<see cref="ICartCache.StartReadAhead"/>), for the cart a
/// session named the last time this process saw it. Its second phase runs once the session lookup has answered.
/// </summary>
/// <param name="cartId">The cart the read is for.</param>
public abstract class CartReadAhead(string cartId)
{
    /// <summary>Gets the cart the read is for.</summary>
    public string CartId { get; } = cartId;

    /// <summary>
    /// Finishes the read; called exactly once. Returns the cart only when <paramref name="neededCartId"/> is the cart
    /// read and the cache had a clean hit (the cache counts it as one); otherwise <see langword="null"/>, with no side
    /// effect beyond noting a failure, and the caller reads <paramref name="neededCartId"/> through
    /// <see cref="ICartCache.GetCartAsync"/> as usual.
    /// </summary>
    /// <param name="neededCartId">The cart the session names now, or <see langword="null"/> when none is needed.</param>
    /// <returns>The cart, or <see langword="null"/>.</returns>
    public abstract ValueTask<Cart?> FinishAsync(string? neededCartId);
}
