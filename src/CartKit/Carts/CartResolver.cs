using System.Runtime.CompilerServices;
using CartKit.Caching;
using CartKit.Checkout;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Sessions;
using CartKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.Carts;

// Finds the cart a caller acts on: the session (restored from the source of truth if the session store lost it),
// the cart it references, merges followed and sign-ins attached. Shared by the cart and checkout engines.
internal sealed partial class CartResolver
{
    private readonly ISessionStore<CartSession> _sessions;
    private readonly ICartRepository _carts;
    private readonly CartReader _reader;
    private readonly RecentSessions _recent;
    private readonly CartWriter _writer;
    private readonly CartCompletion _completion;
    private readonly CartKitOptions _options;
    private readonly TimeProvider _time;
    private readonly CartKitMetrics _metrics;
    private readonly ILogger<CartResolver> _logger;

    public CartResolver(
        ISessionStore<CartSession> sessions,
        ICartRepository carts,
        CartReader reader,
        RecentSessions recent,
        CartWriter writer,
        CartCompletion completion,
        IOptions<CartKitOptions> options,
        TimeProvider time,
        CartKitMetrics metrics,
        ILogger<CartResolver> logger)
    {
        _sessions = sessions;
        _carts = carts;
        _reader = reader;
        _recent = recent;
        _writer = writer;
        _completion = completion;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    public ValueTask<CartKitResult<SessionEntry<CartSession>>> FindSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (!SessionIds.IsValid(sessionId))
        {
            return ValueTask.FromResult<CartKitResult<SessionEntry<CartSession>>>(CartErrors.SessionNotFound);
        }

        return _recent.TryGetConfirmed(sessionId, out var known)
            ? ValueTask.FromResult<CartKitResult<SessionEntry<CartSession>>>(known!)
            : AskStoreAsync(sessionId, known, cancellationToken);
    }

    // The session store's answer for a well-formed id the process has not confirmed recently (known: what it last heard).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<CartKitResult<SessionEntry<CartSession>>> AskStoreAsync(
        string sessionId,
        SessionEntry<CartSession>? known,
        CancellationToken cancellationToken)
    {
        SessionEntry<CartSession>? session;
        try
        {
            session = await _sessions.GetAsync(sessionId, cancellationToken).ConfigureAwait(false);
            if (session is not null)
            {
                _recent.Confirmed(session, known);
            }
            else
            {
                _recent.Forget(sessionId);
                session = await RestoreAsync(sessionId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SessionStoreUnavailableException)
        {
            // The store is down, not the session gone: the source of truth answers under the same rule as a restore.
            _metrics.SessionStoreError("get");
            session = await FromSourceOfTruthAsync(sessionId, cancellationToken).ConfigureAwait(false);
        }

        return session is null ? CartErrors.SessionNotFound : session;
    }

    // Creates a session in the store, or, while the store is down, hands out a server-generated id that exists only
    // as a cart's owner session in the source of truth (the caller records it there), so a later read restores it.
    public async ValueTask<(SessionEntry<CartSession> Session, bool Stored)> CreateSessionAsync(CartSession value, CancellationToken cancellationToken)
    {
        try
        {
            var created = await _sessions.CreateAsync(value, cancellationToken).ConfigureAwait(false);
            _recent.Confirmed(created);
            return (created, true);
        }
        catch (SessionStoreUnavailableException)
        {
            _metrics.SessionStoreError("create");
            return (new SessionEntry<CartSession>(SessionIds.New(), value, _time.GetUtcNow() + _options.SessionTtl), false);
        }
    }

    // Session writes follow cart writes that already succeeded in the source of truth, which is what restore reads:
    // a store that is down must not fail the request, and the session is rebuilt when it answers again.
    public async ValueTask<(SessionEntry<CartSession> Session, bool Stored)> TrySetSessionAsync(
        string sessionId,
        CartSession value,
        CancellationToken cancellationToken)
    {
        try
        {
            var stored = await _sessions.SetAsync(sessionId, value, cancellationToken).ConfigureAwait(false);
            _recent.Confirmed(stored);
            return (stored, true);
        }
        catch (SessionStoreUnavailableException)
        {
            // What this process remembers of the session is now out of date: the next read asks the store again.
            _recent.Forget(sessionId);
            _metrics.SessionStoreError("set");
            return (new SessionEntry<CartSession>(sessionId, value, _time.GetUtcNow() + _options.SessionTtl), false);
        }
    }

    // The read path: resolves the caller's cart, performing any merge-following or sign-in attach on the way.
    // The hot read path's state machines are pooled (here, in the cache-aside decorator and in the Redis stores), so a
    // cache-hit read allocates the cart it returns and little else.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<CartKitResult<Cart>> ResolveAsync(CartCaller caller, CancellationToken cancellationToken)
    {
        if (!UserIds.IsValidOrNull(caller.UserId))
        {
            return UserIds.Invalid;
        }

        if (!SessionIds.IsValid(caller.SessionId))
        {
            return CartErrors.SessionNotFound;
        }

        // Each redirect makes progress (a merge followed, a sign-in attached, or a write lost to one that did), so the
        // bound only stops a cycle; the writes' own conflicts are retried by the writer.
        for (var step = 1; step <= _options.MaxWriteAttempts; step++)
        {
            // A session confirmed within the recheck interval names its cart at once. Otherwise the cart read begins
            // with the session lookup (the caching layer may send it along), and the lookup decides.
            SessionEntry<CartSession> session;
            Cart? cart;
            if (_recent.TryGetConfirmed(caller.SessionId, out var known))
            {
                session = known!;
                cart = await _reader.ReadAsync(session.Value.CartId, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var cartRead = _reader.ForSession(known?.Value.CartId);
                var found = await AskStoreAsync(caller.SessionId, known, cancellationToken).ConfigureAwait(false);
                if (!found.Succeeded)
                {
                    await cartRead.AbandonAsync().ConfigureAwait(false);
                    return found.Error;
                }

                session = found.Value;
                cart = await cartRead.ReadAsync(session.Value.CartId, cancellationToken).ConfigureAwait(false);
            }

            switch (CartAccessRules.Classify(cart, caller.UserId))
            {
                case CartAccess.Granted:
                    return cart!;
                case CartAccess.NotFound:
                    return CartErrors.SessionNotFound;
                default:
                    if (!await RedirectAsync(session, cart!, caller.UserId, cancellationToken).ConfigureAwait(false))
                    {
                        return CartErrors.ConcurrencyConflict;
                    }

                    break;
            }
        }

        Log.AttemptsExhausted(_logger, "resolve", _options.MaxWriteAttempts);
        return CartErrors.ConcurrencyConflict;
    }

    // Moves the session on from a cart it cannot use as it is; the caller then resolves again, unless this returns false:
    // a write gave up after its attempts (logged), and the caller answers ConcurrencyConflict.
    public ValueTask<bool> RedirectAsync(SessionEntry<CartSession> session, Cart cart, string? userId, CancellationToken cancellationToken) =>
        cart.Status switch
        {
            CartStatus.Merged => FollowMergeAsync(session, cart, cancellationToken),
            CartStatus.Completed => FollowRemainderAsync(session, cart, cancellationToken),
            _ => AttachAsync(session, cart, userId!, cancellationToken),
        };

    // A paid order held less than the cart: the session moves to the cart holding the rest (created here if a crash
    // skipped it). When it cannot be created (its order is gone), the session stays on the completed cart.
    private async ValueTask<bool> FollowRemainderAsync(SessionEntry<CartSession> session, Cart completed, CancellationToken cancellationToken)
    {
        if (await _completion.EnsureRemainderAsync(completed, cancellationToken).ConfigureAwait(false) is not { } remainderId)
        {
            return false;
        }

        await TrySetSessionAsync(session.Id, session.Value with { CartId = remainderId }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // A session store that lost a session (Redis flushed, restarted, failed over) must not empty anyone's cart:
    // the source of truth still knows the session's active cart and when it was last used. Sessions whose TTL has
    // passed stay expired (their cart is abandoned).
    private async ValueTask<SessionEntry<CartSession>?> RestoreAsync(string sessionId, CancellationToken cancellationToken)
    {
        var found = await FromSourceOfTruthAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return null;
        }

        var (restored, _) = await TrySetSessionAsync(sessionId, found.Value, cancellationToken).ConfigureAwait(false);
        Log.SessionRestored(_logger);
        _metrics.SessionRestored();
        return restored;
    }

    private async ValueTask<SessionEntry<CartSession>?> FromSourceOfTruthAsync(string sessionId, CancellationToken cancellationToken)
    {
        var cart = await _carts.FindActiveBySessionAsync(sessionId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (cart is null || cart.IsAbandonedAt(now, _options.SessionTtl))
        {
            return null;
        }

        return new SessionEntry<CartSession>(sessionId, new CartSession(cart.Id, cart.Owner.UserId), now + _options.SessionTtl);
    }
}
