using CartKit.Domain;

namespace CartKit.CustomStore.Tests.Caching;

/// <summary>
/// Stands in for the cache server behind <see cref="DictionaryCartCache"/>: the entries every process reads and writes.
/// A cache is shared by every process in front of one source of truth, so a test that starts two processes gives
/// both the same memory (the storage profile holds it).
/// </summary>
public sealed class DictionaryCacheMemory
{
    internal Lock Gate { get; } = new();

    internal Dictionary<string, CartEntry> Carts { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Order> Orders { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the cached cart, if the entry holds one (not a miss's ticket).</summary>
    /// <param name="cartId">The cart id.</param>
    /// <returns>The cart, or <see langword="null"/>.</returns>
    public Cart? CachedCart(string cartId)
    {
        lock (Gate)
        {
            return Carts.GetValueOrDefault(cartId)?.Cart;
        }
    }

    /// <summary>Gets the cached order.</summary>
    /// <param name="orderId">The order id.</param>
    /// <returns>The order, or <see langword="null"/>.</returns>
    public Order? CachedOrder(string orderId)
    {
        lock (Gate)
        {
            return Orders.GetValueOrDefault(orderId);
        }
    }

    // An entry holds either a cart or the ticket of the miss that may repopulate it (until the ticket expires).
    internal sealed record CartEntry(Cart? Cart, string? Ticket, long TicketExpiresAt);
}
