using CartKit.Domain;

namespace CartKit.Caching;

/// <summary>What a cart lookup in an <see cref="ICartCache"/> found: the cart, or a miss.</summary>
public readonly record struct CartCacheRead
{
    private CartCacheRead(Cart? cart, string? repopulateTicket)
    {
        Cart = cart;
        RepopulateTicket = repopulateTicket;
    }

    /// <summary>Gets the cached cart on a hit; <see langword="null"/> on a miss.</summary>
    public Cart? Cart { get; }

    /// <summary>
    /// Gets, on a miss, the ticket to present to <see cref="ICartCache.SetCartAsync"/> to repopulate the entry;
    /// <see langword="null"/> when the cache grants none (another reader is repopulating, or the cache failed).
    /// </summary>
    public string? RepopulateTicket { get; }

    /// <summary>A hit.</summary>
    /// <param name="cart">The cached cart.</param>
    /// <returns>The read.</returns>
    public static CartCacheRead Hit(Cart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return new(cart, null);
    }

    /// <summary>A miss; also what a cache that failed or is being skipped answers.</summary>
    /// <param name="repopulateTicket">The ticket that lets this reader repopulate the entry, if the cache grants one.</param>
    /// <returns>The read.</returns>
    public static CartCacheRead Miss(string? repopulateTicket = null) => new(null, repopulateTicket);
}
