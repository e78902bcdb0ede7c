using System.Collections.Concurrent;
using CartKit.Domain;

namespace CartKit.Redis;

// The carts this process decoded last, each with the exact entry bytes it was decoded from. A cache hit whose bytes
// equal the remembered ones gets the same immutable Cart back without decoding it again. Redis still answers every
// read, and only byte-for-byte the same entry reuses a snapshot, so this saves CPU, never freshness: a cart changed by
// any process has different bytes (its version leads them) and is decoded as usual.
//
// Reusing the instance also lets the HTTP layer recognize a snapshot it already wrote a response for. Bounded twice:
// entries longer than MaxEntryBytes (about 25 lines) are not kept, and past Capacity the table starts over, which
// costs each cart one decode. At most about Capacity x (MaxEntryBytes + the decoded cart) bytes, 20 MB at the cap.
internal sealed class DecodedCarts
{
    internal const int Capacity = 4_096;
    internal const int MaxEntryBytes = 2_048;

    private readonly ConcurrentDictionary<string, Decoded> _carts = new(StringComparer.Ordinal);
    private int _writes;

    internal int Count => _carts.Count;

    // Off only in benchmarks, to measure a hit on an entry this process has not decoded yet (a cart changed since).
    internal bool Reuse { get; set; } = true;

    // The cart the entry holds; throws JsonException, like RedisCacheFormat.ReadCart, when it cannot be read.
    public Cart Read(string cartId, ReadOnlySpan<byte> entry)
    {
        if (_carts.TryGetValue(cartId, out var known) && Reuse && entry.SequenceEqual(known.Entry))
        {
            return known.Cart;
        }

        var cart = RedisCacheFormat.ReadCart(entry);
        if (entry.Length <= MaxEntryBytes)
        {
            if (Interlocked.Increment(ref _writes) > Capacity)
            {
                _carts.Clear();
                Volatile.Write(ref _writes, 0);
            }

            _carts[cartId] = new Decoded(entry.ToArray(), cart);
        }

        return cart;
    }

    private sealed record Decoded(byte[] Entry, Cart Cart);
}
