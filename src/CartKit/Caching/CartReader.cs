using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Caching;

// How the engines read a cart. A read that only answers the caller may come from the cache (cache-aside through the
// decorated repository). A read that a compare-and-swap will follow goes straight to the source of truth: the write
// needs the current version anyway, so a cached copy could only add a round trip and, if stale, a lost race.
// AddCartKit passes the decorated repository, the source of truth, and the cache when one is configured.
internal sealed class CartReader
{
    private readonly ICartRepository _carts;
    private readonly ICartRepository _sourceOfTruth;
    private readonly ICartCache? _cache;

    public CartReader(ICartRepository carts, ICartRepository sourceOfTruth, ICartCache? cache = null)
    {
        _carts = carts;
        _sourceOfTruth = sourceOfTruth;
        _cache = cache;
    }

    // Only a cache can take a read worth sending early.
    public bool SendsReadAhead => _cache is not null;

    public ValueTask<Cart?> ReadAsync(string cartId, CancellationToken cancellationToken) =>
        _carts.GetAsync(cartId, cancellationToken);

    public ValueTask<Cart?> ReadForUpdateAsync(string cartId, CancellationToken cancellationToken) =>
        _sourceOfTruth.GetAsync(cartId, cancellationToken);

    // A read of the cart a session names, begun before the session lookup says which one. With a cache that can, the
    // read of the cart the session named last time (RecentSessions) leaves now, ahead of the lookup: one round trip for
    // both, and on one connection the cart has answered by the time the session has. The lookup's answer decides; a
    // cart it no longer names is read as usual.
    public SessionCartRead ForSession(string? namedCartId) =>
        new(this, namedCartId is null || _cache is null ? null : _cache.StartReadAhead(namedCartId));

    internal readonly struct SessionCartRead(CartReader reader, CartReadAhead? ahead)
    {
        // The cart the session named; a read sent ahead for it answers if it can, the cache-aside read otherwise.
        public ValueTask<Cart?> ReadAsync(string cartId, CancellationToken cancellationToken)
        {
            if (ahead is null)
            {
                return reader.ReadAsync(cartId, cancellationToken);
            }

            // A value task is consumed exactly once: its result read here, or awaited below.
            var finishing = ahead.FinishAsync(cartId);
            if (!finishing.IsCompletedSuccessfully)
            {
                return ReadAfterAsync(finishing, cartId, cancellationToken);
            }

            return finishing.Result is { } cart ? ValueTask.FromResult<Cart?>(cart) : reader.ReadAsync(cartId, cancellationToken);
        }

        // The session lookup found no session: nothing to read, and nothing to remember for it.
        public ValueTask AbandonAsync()
        {
            if (ahead is null)
            {
                return ValueTask.CompletedTask;
            }

            var finishing = ahead.FinishAsync(null);
            if (!finishing.IsCompletedSuccessfully)
            {
                return IgnoreAsync(finishing);
            }

            _ = finishing.Result;
            return ValueTask.CompletedTask;
        }

        private async ValueTask<Cart?> ReadAfterAsync(ValueTask<Cart?> finishing, string cartId, CancellationToken cancellationToken) =>
            await finishing.ConfigureAwait(false) ?? await reader.ReadAsync(cartId, cancellationToken).ConfigureAwait(false);

        private static async ValueTask IgnoreAsync(ValueTask<Cart?> finishing) => await finishing.ConfigureAwait(false);
    }
}
