using System.Runtime.CompilerServices;
using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Caching;

// Cache-aside around the cart source of truth: reads try the cache first and repopulate it on a miss, presenting the
// ticket the miss handed out; every acknowledged write stores the new version in the cache before returning, so no
// later read sees an older cart.
// Queries by session, user or activity always go to the source of truth.
internal sealed class CachedCartRepository(ICartRepository inner, ICartCache cache) : ICartRepository
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default)
    {
        var read = await cache.GetCartAsync(cartId, cancellationToken).ConfigureAwait(false);
        if (read.Cart is { } cached)
        {
            return cached;
        }

        var cart = await inner.GetAsync(cartId, cancellationToken).ConfigureAwait(false);

        // Without a ticket there is no proof that nothing was written since the miss, so there is no repopulate.
        if (cart is not null && read.RepopulateTicket is { } ticket)
        {
            await cache.SetCartAsync(cart, ticket, cancellationToken).ConfigureAwait(false);
        }

        return cart;
    }

    public ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        inner.FindActiveBySessionAsync(sessionId, cancellationToken);

    public ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default) =>
        inner.FindActiveByUserAsync(userId, cancellationToken);

    public async ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        var result = await inner.InsertAsync(cart, cancellationToken).ConfigureAwait(false);
        await AfterWriteAsync(cart, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var result = await inner.ReplaceAsync(cart, expectedVersion, cancellationToken).ConfigureAwait(false);
        await AfterWriteAsync(cart, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public ValueTask<CartPage> FindInactiveAsync(
        DateTimeOffset lastActivityAtOrBefore,
        int pageSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default) =>
        inner.FindInactiveAsync(lastActivityAtOrBefore, pageSize, continuationToken, cancellationToken);

    private ValueTask AfterWriteAsync(Cart cart, CartWriteResult result, CancellationToken cancellationToken) =>
        result switch
        {
            CartWriteResult.Written => cache.CartWrittenAsync(cart, cancellationToken),

            // A lost compare-and-swap may mean the cache served a stale version: drop it so the retry reads the truth.
            CartWriteResult.VersionConflict => cache.RemoveCartAsync(cart.Id, cancellationToken),
            _ => ValueTask.CompletedTask,
        };
}
