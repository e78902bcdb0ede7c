using CartKit.Caching;
using CartKit.Domain;

namespace CartKit.Redis.Caching;

// The carts this process decoded last, each with the exact entry bytes it was decoded from, in the reuse table
// "decoded_carts" (see ReuseTables). A cache hit whose bytes equal the remembered ones gets the same immutable Cart back
// without decoding it again. Redis still answers every read, and only byte-for-byte the same entry reuses a snapshot,
// so this saves CPU, never freshness: a cart changed by any process has different bytes (its version leads them) and is
// decoded as usual.
//
// An entry that did change is decoded against the snapshot before it, sharing its unchanged lines and strings
// (RedisCacheFormat.ReadCart), so a read after an edit allocates about what the edit changed. A cart's first decode
// keeps only its snapshot, and the entry's bytes are copied on its next read: a cart read once costs no copy, and no
// read allocates more than a plain decode did.
//
// Entries longer than MaxEntryBytes (about 25 lines) are not kept; the table's capacity bounds the rest.
internal sealed class DecodedCarts(ReuseTables reuse)
{
    public const string Table = "decoded_carts";
    internal const int MaxEntryBytes = 2_048;

    private readonly ReuseTable<Decoded> _carts = reuse.ForCarts<Decoded>(Table);

    internal int Count => _carts.Count;

    // Off only in benchmarks and tests, so every read is a cart's first decode in this process.
    internal bool Reuse { get; set; } = true;

    // The cart the entry holds; throws JsonException, like RedisCacheFormat.ReadCart, when it cannot be read.
    public Cart Read(string cartId, ReadOnlySpan<byte> entry)
    {
        Decoded? known = null;
        if (Reuse && _carts.TryGetCurrent(cartId, entry, static (decoded, bytes) => decoded.Entry is { } e && bytes.SequenceEqual(e), out known))
        {
            return known!.Cart;
        }

        var cart = RedisCacheFormat.ReadCart(entry, known?.Cart, reuse);
        if (Reuse && entry.Length <= MaxEntryBytes)
        {
            _carts.Set(cartId, new Decoded(known is null ? null : entry.ToArray(), cart));
        }

        return cart;
    }

    // Entry is null after a cart's first decode: only the snapshot is kept until the cart is read again.
    internal sealed record Decoded(byte[]? Entry, Cart Cart);
}
