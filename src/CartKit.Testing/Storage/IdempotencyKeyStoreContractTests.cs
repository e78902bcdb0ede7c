using CartKit.Storage;

namespace CartKit.Testing.Storage;

/// <summary>What every <see cref="IIdempotencyKeyStore"/> must enforce: atomic claims, leases and expiry.</summary>
public abstract class IdempotencyKeyStoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IIdempotencyKeyStore> CreateStoreAsync();

    [StorageFact]
    public async Task Claim_OfAFreeKey_Succeeds_AndHoldsItAgainstOthers()
    {
        var store = await CreateStoreAsync();
        var now = Samples.T0;
        var key = NewKey();

        Assert.Null(await store.TryClaimAsync(Claim(key, "cart-a", now), now));
        var holder = await store.TryClaimAsync(Claim(key, "cart-a", now), now.AddSeconds(1));

        Assert.NotNull(holder);
        Assert.Equal("cart-a", holder.CartId);
        Assert.False(holder.IsCompleted);
    }

    [StorageFact]
    public async Task Complete_RecordsTheOrder_ForLaterRequests()
    {
        var store = await CreateStoreAsync();
        var now = Samples.T0;
        var claim = Claim(NewKey(), "cart-a", now);
        await store.TryClaimAsync(claim, now);

        Assert.True(await store.CompleteAsync(claim.Key, claim.ClaimToken, "order-1"));
        var holder = await store.TryClaimAsync(Claim(claim.Key, "cart-a", now), now.AddHours(1));

        Assert.Equal("order-1", holder?.OrderId);
    }

    [StorageFact]
    public async Task Claim_ForAnotherCart_IsRefused_EvenAfterTheLease()
    {
        var store = await CreateStoreAsync();
        var now = Samples.T0;
        var claim = Claim(NewKey(), "cart-a", now);
        await store.TryClaimAsync(claim, now);

        var holder = await store.TryClaimAsync(Claim(claim.Key, "cart-b", now), now + Lease + Lease);

        Assert.Equal("cart-a", holder?.CartId);
    }

    [StorageFact]
    public async Task Release_FreesTheKey()
    {
        var store = await CreateStoreAsync();
        var now = Samples.T0;
        var claim = Claim(NewKey(), "cart-a", now);
        await store.TryClaimAsync(claim, now);

        Assert.True(await store.ReleaseAsync(claim.Key, claim.ClaimToken));

        Assert.Null(await store.TryClaimAsync(Claim(claim.Key, "cart-b", now), now));
    }

    [StorageFact]
    public async Task ExpiredKeys_CanBeClaimedAgain()
    {
        var store = await CreateStoreAsync();
        var now = Samples.T0;
        var claim = Claim(NewKey(), "cart-a", now);
        await store.TryClaimAsync(claim, now);
        await store.CompleteAsync(claim.Key, claim.ClaimToken, "order-1");

        Assert.Null(await store.TryClaimAsync(Claim(claim.Key, "cart-b", now + Lifetime), now + Lifetime));
    }

    [StorageFact]
    public async Task AnUnfinishedClaim_WhoseLeaseRanOut_IsTakenOver_AndTheOldClaimCannotComplete()
    {
        var store = await CreateStoreAsync();
        var now = Samples.T0;
        var crashed = Claim(NewKey(), "cart-a", now);
        await store.TryClaimAsync(crashed, now);

        var later = now + Lease + TimeSpan.FromSeconds(1);
        var takeover = Claim(crashed.Key, "cart-a", later);
        Assert.Null(await store.TryClaimAsync(takeover, later));

        Assert.False(await store.CompleteAsync(crashed.Key, crashed.ClaimToken, "order-stale"));
        Assert.False(await store.ReleaseAsync(crashed.Key, crashed.ClaimToken));
        Assert.True(await store.CompleteAsync(takeover.Key, takeover.ClaimToken, "order-1"));
    }

    [StorageFact]
    public async Task ConcurrentClaims_OfOneKey_ExactlyOneWins()
    {
        var store = await CreateStoreAsync();
        var now = Samples.T0;
        var key = NewKey();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(async () => await store.TryClaimAsync(Claim(key, "cart-a", now), now))));

        Assert.Single(results, r => r is null);
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private static IdempotencyRecord Claim(string key, string cartId, DateTimeOffset now) =>
        new(key, cartId, Guid.NewGuid().ToString("N"), null, now + Lease, now + Lifetime);
}
