using CartKit.Domain;

namespace CartKit.Caching;

// A cart read already sent, for the cart a session named the last time this process saw it. It answers only a clean
// hit, else null, and has no side effects beyond noting a cache failure (no ticket, no repair, no hit or miss counted):
// the caller counts the hit if the session still names this cart, and otherwise reads through GetCartAsync as usual.
// Two phases, so the caller attaches no continuation to it until its session lookup has answered; by then this
// read, sent first on the same connection, has normally answered too and finishes without another thread hop.
internal abstract class CartReadAhead(string cartId)
{
    public string CartId { get; } = cartId;

    public abstract ValueTask<Cart?> FinishAsync();
}
