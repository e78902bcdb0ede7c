namespace CartKit.Internal;

// Serialises work on one key inside this process, so writers of one cart queue instead of losing compare-and-swap
// races to each other. It is an optimisation only: cross-process correctness rests on the store's version check.
// Keys hash onto a fixed set of semaphores, so memory stays bounded; unrelated keys may share one, which only costs
// a short wait. Never hold one stripe while taking another (stripes are not re-entrant).
internal sealed class StripedAsyncLock
{
    private readonly SemaphoreSlim?[] _stripes;

    public StripedAsyncLock(int stripeCount = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripeCount, 1);
        _stripes = new SemaphoreSlim?[stripeCount];
    }

    public async ValueTask<Releaser> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = GetStripe(key);
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    private SemaphoreSlim GetStripe(string key)
    {
        var index = (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length);
        var stripe = Volatile.Read(ref _stripes[index]);
        if (stripe is not null)
        {
            return stripe;
        }

        var created = new SemaphoreSlim(1, 1);
        return Interlocked.CompareExchange(ref _stripes[index], created, null) ?? created;
    }

    public readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
