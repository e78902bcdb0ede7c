using System.Security.Cryptography;
using CartKit.Caching;
using CartKit.Domain;

namespace CartKit.CustomStore.Tests.Caching;

/// <summary>
/// A small <see cref="ICartCache"/> of its own over <see cref="DictionaryCacheMemory"/>, keeping ICartCache's two
/// rules: a refresh never replaces an equal or newer version, and a miss places a ticket in the empty entry, so only
/// that reader may repopulate, and only while nothing (a refresh, a removal) has replaced the ticket since.
/// </summary>
/// <param name="memory">The shared entries.</param>
/// <param name="time">The clock tickets expire on.</param>
public sealed class DictionaryCartCache(DictionaryCacheMemory memory, TimeProvider time) : ICartCache
{
    // How long a miss's ticket keeps other readers from repopulating: a reader that died blocks them no longer.
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    public ValueTask<CartCacheRead> GetCartAsync(string cartId, CancellationToken cancellationToken = default)
    {
        if (!CartKitIds.IsCartId(cartId))
        {
            return ValueTask.FromResult(CartCacheRead.Miss());
        }

        var now = time.GetTimestamp();
        lock (memory.Gate)
        {
            if (memory.Carts.TryGetValue(cartId, out var entry))
            {
                if (entry.Cart is { } cart)
                {
                    return ValueTask.FromResult(CartCacheRead.Hit(cart));
                }

                if (entry.TicketExpiresAt > now)
                {
                    // Another reader holds the ticket: a miss without one.
                    return ValueTask.FromResult(CartCacheRead.Miss());
                }
            }

            var ticket = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            memory.Carts[cartId] = new DictionaryCacheMemory.CartEntry(null, ticket, now + (long)(TicketLifetime.TotalSeconds * time.TimestampFrequency));
            return ValueTask.FromResult(CartCacheRead.Miss(ticket));
        }
    }

    /// <inheritdoc/>
    public ValueTask SetCartAsync(Cart cart, string repopulateTicket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        var now = time.GetTimestamp();
        lock (memory.Gate)
        {
            if (memory.Carts.TryGetValue(cart.Id, out var entry)
                && entry.Cart is null
                && string.Equals(entry.Ticket, repopulateTicket, StringComparison.Ordinal)
                && entry.TicketExpiresAt > now)
            {
                memory.Carts[cart.Id] = new DictionaryCacheMemory.CartEntry(cart, null, 0);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask CartWrittenAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (!CartKitIds.IsCartId(cart.Id))
        {
            return ValueTask.CompletedTask;
        }

        lock (memory.Gate)
        {
            if (!memory.Carts.TryGetValue(cart.Id, out var entry) || entry.Cart is not { } cached || cached.Version < cart.Version)
            {
                memory.Carts[cart.Id] = new DictionaryCacheMemory.CartEntry(cart, null, 0);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken = default)
    {
        lock (memory.Gate)
        {
            memory.Carts.Remove(cartId);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (memory.Gate)
        {
            return ValueTask.FromResult(memory.Orders.GetValueOrDefault(orderId));
        }
    }

    /// <inheritdoc/>
    public ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (CartKitIds.IsOrderId(order.Id) && order.Status != OrderStatus.PendingPayment)
        {
            lock (memory.Gate)
            {
                memory.Orders[order.Id] = order;
            }
        }

        return ValueTask.CompletedTask;
    }
}
