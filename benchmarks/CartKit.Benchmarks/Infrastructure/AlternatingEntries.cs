using CartKit.Domain;
using CartKit.Redis.Caching;

namespace CartKit.Benchmarks.Infrastructure;

/// <summary>
/// Two cache entries of one cart that differ as an edit would leave them (the first line's quantity and the version),
/// handed out in turn, so every read of the cart meets an entry changed since the read before.
/// </summary>
internal sealed class AlternatingEntries(Cart cart)
{
    private readonly byte[][] _entries =
    [
        RedisCacheFormat.WriteCart(cart),
        RedisCacheFormat.WriteCart(cart with
        {
            Version = cart.Version + 1,
            Lines = cart.Lines.Count == 0 ? [] : [cart.Lines[0] with { Quantity = cart.Lines[0].Quantity + 1 }, .. cart.Lines.Skip(1)],
        }),
    ];

    private int _next;

    public byte[] Next() => _entries[_next++ & 1];
}
