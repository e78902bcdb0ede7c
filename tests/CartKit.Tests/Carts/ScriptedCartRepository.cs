using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Tests.Carts;

// A cart source of truth whose reads and compare-and-swaps are counted and traced, and whose replaces can be scripted:
// answered without writing (every write loses), or preceded by another writer's change.
internal sealed class ScriptedCartRepository(ICartRepository inner) : ICartRepository
{
    private int _gets;
    private int _replaces;

    public ICartRepository Inner => inner;

    public int Gets => Volatile.Read(ref _gets);

    public int Replaces => Volatile.Read(ref _replaces);

    // Set: every replace is answered with this, and nothing is written.
    public CartWriteResult? Answer { get; set; }

    // Runs once, just before the next replace reaches the store (another process's write landing first).
    public Func<ValueTask>? BeforeNextReplace { get; set; }

    public List<string>? Trace { get; set; }

    public async ValueTask<Cart> SeedAsync(Cart cart)
    {
        Assert.Equal(CartWriteResult.Written, await inner.InsertAsync(cart));
        return cart;
    }

    public ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _gets);
        Trace?.Add("get");
        return inner.GetAsync(cartId, cancellationToken);
    }

    public async ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _replaces);
        if (BeforeNextReplace is { } before)
        {
            BeforeNextReplace = null;
            await before();
        }

        var result = Answer ?? await inner.ReplaceAsync(cart, expectedVersion, cancellationToken);
        Trace?.Add($"replace {result}");
        return result;
    }

    public ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        inner.FindActiveBySessionAsync(sessionId, cancellationToken);

    public ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default) =>
        inner.FindActiveByUserAsync(userId, cancellationToken);

    public ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default) =>
        inner.InsertAsync(cart, cancellationToken);

    public ValueTask<CartPage> FindInactiveAsync(
        DateTimeOffset lastActivityAtOrBefore,
        int pageSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default) =>
        inner.FindInactiveAsync(lastActivityAtOrBefore, pageSize, continuationToken, cancellationToken);
}
