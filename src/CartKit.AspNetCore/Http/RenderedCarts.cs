using System.Collections.Concurrent;
using System.Text.Json;
using CartKit.AspNetCore.Serialization;
using CartKit.Domain;

namespace CartKit.AspNetCore.Http;

// The JSON body and ETag last written for each cart, held with the snapshot they were written from. Cart snapshots are
// immutable, and the Redis cache hands back the same instance for an entry that has not changed (as does the in-memory
// store), so reading an unchanged cart again sends the bytes written last time instead of mapping and serializing it
// again. Matched by reference, never by version alone: only the very snapshot a body was written from reuses it.
// Process-wide, since a body depends on nothing but its snapshot. Bounded twice, like the cache's DecodedCarts: bodies
// longer than MaxBodyBytes are not kept (the cache does not reuse snapshots of such large carts either), and past
// Capacity the table starts over, which costs each cart one serialization: at most about 16 MB, 4 MB for 5-line carts.
internal sealed class RenderedCarts
{
    internal const int Capacity = 4_096;
    internal const int MaxBodyBytes = 4_096;

    private readonly ConcurrentDictionary<string, RenderedCart> _carts = new(StringComparer.Ordinal);
    private int _writes;

    public static RenderedCarts Shared { get; } = new();

    public RenderedCart Render(Cart cart)
    {
        if (_carts.TryGetValue(cart.Id, out var known) && ReferenceEquals(known.Cart, cart))
        {
            return known;
        }

        var rendered = new RenderedCart(
            cart,
            JsonSerializer.SerializeToUtf8Bytes(cart.ToResponse(), CartKitJsonContext.Default.CartResponse),
            RequestHeaders.ETag(cart.Version));
        if (rendered.Body.Length > MaxBodyBytes)
        {
            return rendered;
        }

        if (Interlocked.Increment(ref _writes) > Capacity)
        {
            _carts.Clear();
            Volatile.Write(ref _writes, 0);
        }

        _carts[cart.Id] = rendered;
        return rendered;
    }
}

// A cart's response body (UTF-8 JSON of CartResponse) and its ETag, for the snapshot they were written from.
internal sealed record RenderedCart(Cart Cart, byte[] Body, string ETag);
