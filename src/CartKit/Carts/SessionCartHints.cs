using System.Diagnostics.CodeAnalysis;
using CartKit.Internal;

namespace CartKit.Carts;

// Which cart each recently seen session named, so a read can send the session lookup and the cart read together (one
// round trip instead of two). Only a hint: the session lookup in the same pipeline decides, and a hint that no longer
// matches costs the ordinary second read. Bounded: past the capacity the table starts over, which costs each session
// one unpipelined read.
internal sealed class SessionCartHints
{
    internal const int Capacity = 65_536;

    private readonly StartOverTable<string> _cartIds = new(Capacity);

    public bool TryGet(string sessionId, [NotNullWhen(true)] out string? cartId) => _cartIds.TryGetValue(sessionId, out cartId);

    public void Remember(string sessionId, string cartId)
    {
        // The steady state is a session read again and again for the same cart: no write at all.
        if (_cartIds.TryGetValue(sessionId, out var known) && string.Equals(known, cartId, StringComparison.Ordinal))
        {
            return;
        }

        _cartIds.Set(sessionId, cartId);
    }

    public void Forget(string sessionId) => _cartIds.Remove(sessionId);
}
