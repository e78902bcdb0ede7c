using CartKit.Internal;

namespace CartKit.Checkout;

// The checkout lock without Redis: serialises checkouts of a cart within this process.
internal sealed class InProcessCheckoutLock : ICheckoutLock
{
    private readonly StripedAsyncLock _locks = new(256);

    public async ValueTask<IAsyncDisposable> AcquireAsync(string cartId, CancellationToken cancellationToken) =>
        new Held(await _locks.AcquireAsync(cartId, cancellationToken).ConfigureAwait(false));

    private sealed class Held(StripedAsyncLock.Releaser releaser) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            releaser.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
