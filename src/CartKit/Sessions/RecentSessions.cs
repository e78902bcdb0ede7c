using CartKit.Caching;

namespace CartKit.Sessions;

// What this process last heard from the cart session store about each session, in one reuse table ("sessions"):
// - the cart a session named, so a cache that can sends the cart's read ahead of the session lookup (CartReader);
// - with a remote session store and CartKitOptions.SessionRecheckInterval above zero, the session itself: a session
//   the store confirmed (read, created or set) less than that interval ago is answered from here, so a cache-hit read
//   of a session's cart sends one command, not two. Its sliding expiry is then pushed back at most once per interval,
//   and a session removed by another process is seen here once the interval has passed.
// The confirmation time is not stored: cart sessions always slide, so it is ExpiresAt - SessionTtl, on the same clock.
internal sealed class RecentSessions
{
    public const string Table = "sessions";

    private readonly ReuseTable<SessionEntry<CartSession>>? _table;
    private readonly TimeProvider _time;
    private readonly TimeSpan _trustedFor;

    public RecentSessions(ReuseTables reuse, CartKitOptions options, TimeProvider time, bool sendsReadAhead, bool storeIsRemote)
    {
        _time = time;
        RechecksLocally = storeIsRemote && options.SessionRecheckInterval > TimeSpan.Zero;

        // A confirmed session is answered from here while more than this is left before it expires.
        _trustedFor = options.SessionTtl - options.SessionRecheckInterval;
        _table = sendsReadAhead || RechecksLocally ? reuse.ForSessions<SessionEntry<CartSession>>(Table) : null;
    }

    // Whether sessions are answered from here within the recheck interval.
    public bool RechecksLocally { get; }

    // True for a session the store confirmed within the recheck interval. Either way, known is what the table holds for
    // the session, however old: the cart it names is the one a read sent ahead is for.
    public bool TryGetConfirmed(string sessionId, out SessionEntry<CartSession>? known)
    {
        if (_table is null)
        {
            known = null;
            return false;
        }

        if (!RechecksLocally)
        {
            _table.TryGet(sessionId, out known);
            return false;
        }

        return _table.TryGetCurrent(
            sessionId,
            _time.GetUtcNow() + _trustedFor,
            static (session, trustedUntil) => session.ExpiresAt > trustedUntil,
            out known);
    }

    // The store confirmed this session just now (read, created or set); known is what TryGetConfirmed found. Without
    // local rechecks only a changed cart is written: the steady state is a session read again and again for the same
    // cart, with no write at all.
    public void Confirmed(SessionEntry<CartSession> session, SessionEntry<CartSession>? known = null)
    {
        if (RechecksLocally || !string.Equals(known?.Value.CartId, session.Value.CartId, StringComparison.Ordinal))
        {
            _table?.Set(session.Id, session);
        }
    }

    // The store has no such session.
    public void Forget(string sessionId) => _table?.Remove(sessionId);
}
