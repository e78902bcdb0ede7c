using System.Text.RegularExpressions;
using CartKit.Sessions;

namespace CartKit.Testing.Sessions;

/// <summary>
/// What every <see cref="ISessionStore{T}"/> must do. Each implementation derives from this and supplies a store and a
/// way to let time pass (a fake clock in memory, real waiting against Redis).
/// </summary>
public abstract partial class SessionStoreContractTests
{
    /// <summary>Gets the TTL the expiry tests use; stores that expire on the real clock keep it short.</summary>
    /// <value>30 minutes by default.</value>
    protected virtual TimeSpan Ttl => TimeSpan.FromMinutes(30);

    /// <summary>Creates a store for session type <typeparamref name="T"/>; stores with different prefixes must not see each other's sessions.</summary>
    /// <typeparam name="T">The session value type.</typeparam>
    /// <param name="prefix">The key prefix of the session type.</param>
    /// <param name="ttl">The session lifetime.</param>
    /// <param name="sliding">Whether a read pushes the expiry back by <paramref name="ttl"/>.</param>
    /// <returns>The store.</returns>
    protected abstract ISessionStore<T> CreateStore<T>(string prefix, TimeSpan ttl, bool sliding = true)
        where T : class;

    /// <summary>Lets time pass for the stores created: advance a fake clock, or wait on the real one.</summary>
    /// <param name="by">How much time passes.</param>
    /// <returns>A task that completes once the time has passed.</returns>
    protected abstract Task AdvanceAsync(TimeSpan by);

    [GeneratedRegex("^[A-Za-z0-9_-]{32}$")]
    private static partial Regex UrlSafe32();

    [StorageFact]
    public async Task Create_GivesUrlSafeIdsWithAtLeast128RandomBits()
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            var entry = await store.CreateAsync(new ShopperSession($"cart{i}"));
            Assert.Matches(UrlSafe32(), entry.Id);
            Assert.True(ids.Add(entry.Id));
        }

        // 32 base64url characters carry 192 bits; a weak generator would show repeated prefixes long before 200 ids.
        Assert.Equal(200, ids.Select(id => id[..8]).Distinct(StringComparer.Ordinal).Count());
    }

    [StorageFact]
    public async Task Get_ReturnsTheValueAndWhenItExpires()
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl);
        var created = await store.CreateAsync(new ShopperSession("cart-1", "hello"));

        var read = await store.GetAsync(created.Id);

        Assert.NotNull(read);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(new ShopperSession("cart-1", "hello"), read.Value);
        Assert.True(read.ExpiresAt >= created.ExpiresAt);
    }

    [StorageFact]
    public async Task Get_AfterTheTtl_ReturnsNothing()
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl);
        var created = await store.CreateAsync(new ShopperSession("cart-1"));

        await AdvanceAsync(Ttl + (Ttl / 4));

        Assert.Null(await store.GetAsync(created.Id));
    }

    [StorageFact]
    public async Task Get_WithSlidingExpiry_PushesTheExpiryBack()
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl, sliding: true);
        var created = await store.CreateAsync(new ShopperSession("cart-1"));

        await AdvanceAsync(Ttl * 0.6);
        Assert.NotNull(await store.GetAsync(created.Id));
        await AdvanceAsync(Ttl * 0.6);

        // 1.2 TTLs after creation, but only 0.6 after the last read.
        Assert.NotNull(await store.GetAsync(created.Id));
    }

    [StorageFact]
    public async Task Get_WithoutSlidingExpiry_KeepsTheAbsoluteExpiry()
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl, sliding: false);
        var created = await store.CreateAsync(new ShopperSession("cart-1"));

        await AdvanceAsync(Ttl * 0.6);
        var read = await store.GetAsync(created.Id);
        Assert.NotNull(read);
        Assert.Equal(created.ExpiresAt, read.ExpiresAt, TimeSpan.FromSeconds(1));
        await AdvanceAsync(Ttl * 0.6);

        Assert.Null(await store.GetAsync(created.Id));
    }

    [StorageFact]
    public async Task Set_ReplacesTheValue_AndCreatesAMissingSession()
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl);
        var created = await store.CreateAsync(new ShopperSession("cart-1"));

        await store.SetAsync(created.Id, new ShopperSession("cart-2"));
        Assert.Equal("cart-2", (await store.GetAsync(created.Id))!.Value.CartId);

        await store.RemoveAsync(created.Id);
        var revived = await store.SetAsync(created.Id, new ShopperSession("cart-3"));
        Assert.Equal(created.Id, revived.Id);
        Assert.Equal("cart-3", (await store.GetAsync(created.Id))!.Value.CartId);
    }

    [StorageFact]
    public async Task Remove_EndsTheSession()
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl);
        var created = await store.CreateAsync(new ShopperSession("cart-1"));

        Assert.True(await store.RemoveAsync(created.Id));
        Assert.Null(await store.GetAsync(created.Id));
        Assert.False(await store.RemoveAsync(created.Id));
    }

    [StorageTheory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("*")]
    [InlineData("../../../../etc/passwd/aaaaaaaaaaaaaaaa")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    [InlineData("{AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA}")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task MalformedIds_AreRefusedWithoutTouchingAnySession(string malformed)
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl);

        Assert.Null(await store.GetAsync(malformed));
        Assert.False(await store.RemoveAsync(malformed));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.SetAsync(malformed, new ShopperSession("x")));
    }

    [StorageFact]
    public async Task Prefixes_KeepSessionTypesApart()
    {
        var shoppers = CreateStore<ShopperSession>("t:shop:", Ttl);
        var admins = CreateStore<AdminSession>("t:admin:", Ttl);
        var shopper = await shoppers.CreateAsync(new ShopperSession("cart-1"));

        Assert.Null(await admins.GetAsync(shopper.Id));
        await admins.SetAsync(shopper.Id, new AdminSession("ops"));

        Assert.Equal("cart-1", (await shoppers.GetAsync(shopper.Id))!.Value.CartId);
        Assert.Equal("ops", (await admins.GetAsync(shopper.Id))!.Value.Operator);
        Assert.True(await admins.RemoveAsync(shopper.Id));
        Assert.NotNull(await shoppers.GetAsync(shopper.Id));
    }

    [StorageFact]
    public async Task ConcurrentCreatesAndReads_AreIndependent()
    {
        var store = CreateStore<ShopperSession>("t:s:", Ttl);

        var sessions = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => store.CreateAsync(new ShopperSession($"cart-{i}")).AsTask()));
        var reads = await Task.WhenAll(sessions.Select(s => store.GetAsync(s.Id).AsTask()));

        Assert.Equal(64, sessions.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(sessions.Zip(reads), pair => Assert.Equal(pair.First.Value, pair.Second!.Value));
    }
}
