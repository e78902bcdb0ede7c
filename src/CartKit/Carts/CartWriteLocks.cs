using CartKit.Internal;

namespace CartKit.Carts;

// The one in-process lock every cart write takes (engine edits, sign-in merges, completion after payment), so
// writers of one cart in this process queue instead of failing each other's compare-and-swap.
internal sealed class CartWriteLocks
{
    private readonly StripedAsyncLock _locks = new();

    public ValueTask<StripedAsyncLock.Releaser> AcquireAsync(string cartId, CancellationToken cancellationToken) =>
        _locks.AcquireAsync(cartId, cancellationToken);
}
