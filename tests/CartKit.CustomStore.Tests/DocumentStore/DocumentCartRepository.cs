using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>
/// Carts as JSON documents in <see cref="DocumentDatabase.Carts"/>. Enforces, under the collection's lock: compare-and-swap
/// on the version, no second cart with one id, and at most one active cart per user.
/// </summary>
/// <param name="database">The database.</param>
public sealed class DocumentCartRepository(DocumentDatabase database) : ICartRepository
{
    private readonly DocumentSet _carts = database.Carts;

    /// <inheritdoc/>
    public ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default)
    {
        lock (_carts.Gate)
        {
            return ValueTask.FromResult(_carts.TryGet(cartId, out var json) ? DocumentMapping.ToCart(DocumentMapping.ReadCartDocument(json)) : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        FindActive(d => string.Equals(d.SessionId, sessionId, StringComparison.Ordinal));

    /// <inheritdoc/>
    public ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default) =>
        FindActive(d => string.Equals(d.UserId, userId, StringComparison.Ordinal));

    /// <inheritdoc/>
    public ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        lock (_carts.Gate)
        {
            if (_carts.Contains(cart.Id))
            {
                return ValueTask.FromResult(CartWriteResult.VersionConflict);
            }

            return ValueTask.FromResult(Write(cart));
        }
    }

    /// <inheritdoc/>
    public ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cart);
        CartWriteRules.EnsureNextVersion(cart, expectedVersion);
        lock (_carts.Gate)
        {
            if (!_carts.TryGet(cart.Id, out var json) || DocumentMapping.ReadCartDocument(json).Version != expectedVersion)
            {
                return ValueTask.FromResult(CartWriteResult.VersionConflict);
            }

            return ValueTask.FromResult(Write(cart));
        }
    }

    /// <inheritdoc/>
    public ValueTask<CartPage> FindInactiveAsync(
        DateTimeOffset lastActivityAtOrBefore,
        int pageSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default)
    {
        InactiveCartCursor.ValidatePageSize(pageSize);
        var after = InactiveCartCursor.Parse(continuationToken);
        lock (_carts.Gate)
        {
            var page = Documents()
                .Where(d => d.Status == CartStatus.Active && d.LastActivityAt <= lastActivityAtOrBefore)
                .Where(d => after is not { } cursor
                    || d.LastActivityAt.UtcTicks > cursor.LastActivityUtcTicks
                    || (d.LastActivityAt.UtcTicks == cursor.LastActivityUtcTicks && string.CompareOrdinal(d.Id, cursor.CartId) > 0))
                .OrderBy(d => d.LastActivityAt.UtcTicks)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .Take(pageSize + 1)
                .Select(DocumentMapping.ToCart)
                .ToList();
            string? token = null;
            if (page.Count > pageSize)
            {
                page.RemoveAt(pageSize);
                token = InactiveCartCursor.Format(page[^1].LastActivityAt, page[^1].Id);
            }

            return ValueTask.FromResult(new CartPage(page, token));
        }
    }

    // Called with the lock held: the user check and the write are one atomic step, like a unique partial index.
    private CartWriteResult Write(Cart cart)
    {
        if (cart.Status == CartStatus.Active && cart.Owner.UserId is { } userId
            && Documents().Any(d => d.Status == CartStatus.Active
                && string.Equals(d.UserId, userId, StringComparison.Ordinal)
                && !string.Equals(d.Id, cart.Id, StringComparison.Ordinal)))
        {
            return CartWriteResult.UserHasActiveCart;
        }

        _carts.Put(cart.Id, DocumentMapping.Write(cart));
        return CartWriteResult.Written;
    }

    private ValueTask<Cart?> FindActive(Func<CartDocument, bool> owner)
    {
        lock (_carts.Gate)
        {
            var found = Documents().FirstOrDefault(d => d.Status == CartStatus.Active && owner(d));
            return ValueTask.FromResult(found is null ? null : DocumentMapping.ToCart(found));
        }
    }

    private IEnumerable<CartDocument> Documents() => _carts.All().Select(DocumentMapping.ReadCartDocument);
}
