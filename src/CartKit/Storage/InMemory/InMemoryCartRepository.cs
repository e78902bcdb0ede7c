using CartKit.Domain;

namespace CartKit.Storage.InMemory;

// The default source of truth: process memory behind one lock, enforcing the same rules MongoDB enforces with
// indexes and filtered updates (version compare-and-swap, one active cart per user). Snapshots are stored as they
// are: a Cart is immutable by construction, so nothing a caller holds can change what is stored.
internal sealed class InMemoryCartRepository : ICartRepository
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Cart> _carts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _activeCartByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _activeCartBySession = new(StringComparer.Ordinal);

    public ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_carts.GetValueOrDefault(cartId));
        }
    }

    public ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(
                _activeCartBySession.TryGetValue(sessionId, out var id) ? _carts[id] : null);
        }
    }

    public ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(
                _activeCartByUser.TryGetValue(userId, out var id) ? _carts[id] : null);
        }
    }

    public ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        lock (_gate)
        {
            if (_carts.ContainsKey(cart.Id))
            {
                return ValueTask.FromResult(CartWriteResult.VersionConflict);
            }

            return ValueTask.FromResult(Store(null, cart));
        }
    }

    public ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        CartWriteRules.EnsureNextVersion(cart, expectedVersion);
        lock (_gate)
        {
            if (!_carts.TryGetValue(cart.Id, out var stored) || stored.Version != expectedVersion)
            {
                return ValueTask.FromResult(CartWriteResult.VersionConflict);
            }

            return ValueTask.FromResult(Store(stored, cart));
        }
    }

    public ValueTask<CartPage> FindInactiveAsync(
        DateTimeOffset lastActivityAtOrBefore,
        int pageSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        InactiveCartCursor.ValidatePageSize(pageSize);
        var after = InactiveCartCursor.Parse(continuationToken);
        lock (_gate)
        {
            var page = _carts.Values
                .Where(c => c.Status == CartStatus.Active && c.LastActivityAt <= lastActivityAtOrBefore)
                .Where(c => after is not { } cursor
                    || c.LastActivityAt.UtcTicks > cursor.LastActivityUtcTicks
                    || (c.LastActivityAt.UtcTicks == cursor.LastActivityUtcTicks && string.CompareOrdinal(c.Id, cursor.CartId) > 0))
                .OrderBy(c => c.LastActivityAt.UtcTicks)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .Take(pageSize + 1)
                .ToList();
            var hasMore = page.Count > pageSize;
            if (hasMore)
            {
                page.RemoveAt(pageSize);
            }

            var token = hasMore ? InactiveCartCursor.Format(page[^1].LastActivityAt, page[^1].Id) : null;
            return ValueTask.FromResult(new CartPage(page, token));
        }
    }

    private CartWriteResult Store(Cart? previous, Cart cart)
    {
        var userId = cart.Owner.UserId;
        if (cart.Status == CartStatus.Active && userId is not null
            && _activeCartByUser.TryGetValue(userId, out var activeId) && activeId != cart.Id)
        {
            return CartWriteResult.UserHasActiveCart;
        }

        if (previous is not null)
        {
            Unindex(previous);
        }

        _carts[cart.Id] = cart;
        if (cart.Status == CartStatus.Active)
        {
            _activeCartBySession[cart.Owner.SessionId] = cart.Id;
            if (userId is not null)
            {
                _activeCartByUser[userId] = cart.Id;
            }
        }

        return CartWriteResult.Written;
    }

    private void Unindex(Cart cart)
    {
        if (_activeCartBySession.TryGetValue(cart.Owner.SessionId, out var id) && id == cart.Id)
        {
            _activeCartBySession.Remove(cart.Owner.SessionId);
        }

        if (cart.Owner.UserId is { } userId && _activeCartByUser.TryGetValue(userId, out id) && id == cart.Id)
        {
            _activeCartByUser.Remove(userId);
        }
    }
}
