namespace CartKit.Checkout;

// Keeps concurrent checkouts of one cart from pricing and inserting the same order in parallel. Best effort only:
// one order per cart version is guaranteed by the order store's uniqueness, never by this lock.
internal interface ICheckoutLock
{
    ValueTask<IAsyncDisposable> AcquireAsync(string cartId, CancellationToken cancellationToken);
}
