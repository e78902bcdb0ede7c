namespace CartKit.Checkout;

/// <summary>
/// Keeps concurrent checkouts of one cart from pricing it and inserting its order in parallel. Best effort only: one
/// order per cart version is guaranteed by the order store (<see cref="Storage.IOrderRepository.InsertAsync"/>), never
/// by this lock, so a lock that expires, cannot be reached or is not acquired in time costs duplicate work, not a
/// second order. The default serialises checkouts within the process; CartKit.Redis locks across processes. Register
/// another with <c>AddCartKit().UseCheckoutLock&lt;TLock&gt;()</c>.
/// </summary>
public interface ICheckoutLock
{
    /// <summary>Waits for the cart's lock, or gives up waiting and returns a handle that holds nothing.</summary>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>A handle that releases the lock when disposed.</returns>
    ValueTask<IAsyncDisposable> AcquireAsync(string cartId, CancellationToken cancellationToken = default);
}
