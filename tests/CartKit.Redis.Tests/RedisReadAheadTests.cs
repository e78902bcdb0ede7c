using CartKit.Catalog;
using CartKit.Domain;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace CartKit.Redis.Tests;

/// <summary>
/// A warm read sends the cart read with the session lookup, for the cart the session named last time in this process.
/// The session's answer always decides: these tests move a session behind this process's back (as another instance or
/// a sign-in elsewhere would) and expect the cart it names now, never the one read ahead.
/// </summary>
public sealed class RedisReadAheadTests : IAsyncLifetime
{
    private readonly string _prefix = SharedRedis.NewPrefix();
    private CartKitHarness _kit = null!;

    public Task InitializeAsync()
    {
        _kit = CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.Services.AddSingleton(SharedRedis.Multiplexer);
            b.UseRedis(o => o.KeyPrefix = _prefix);
            b.Services.AddSessionStore<CartSession>(o => o.Prefix = _prefix + "s:");
        });
        _kit.Catalog.Add(new CatalogProduct("PEN", "Pen", new Money(300, Currency.USD)));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ASessionMovedToAnotherCart_ReadsTheCartItNamesNow_NotTheOneReadAhead()
    {
        var (mine, myCart) = await SessionWithAsync("MUG");
        var (_, otherCart) = await SessionWithAsync("PEN");
        await ReadAsync(mine);
        await ReadAsync(mine);

        // Another instance repoints the session; both carts stay cached, so the read ahead of the old one is a hit.
        // Within the recheck interval this process still answers from the session it confirmed; after it, the store.
        await Sessions.SetAsync(mine, new CartSession(otherCart.Id));
        Assert.Equal(myCart.Id, (await ReadAsync(mine)).Id);
        _kit.Time.Advance(new CartKitOptions().SessionRecheckInterval);

        var read = await ReadAsync(mine);
        Assert.Equal(otherCart.Id, read.Id);
        Assert.Equal("PEN", Assert.Single(read.Lines).Sku);
        Assert.NotEqual(myCart.Id, read.Id);

        // And the hint follows: the next warm read is the new cart again.
        Assert.Equal(otherCart.Id, (await ReadAsync(mine)).Id);
    }

    [Fact]
    public async Task ASessionGoneFromEverywhere_IsNotFound_EvenWithItsCartCached()
    {
        var (mine, cart) = await SessionWithAsync("MUG");
        await ReadAsync(mine);

        // The session key is gone and its cart is no longer the session's active cart in the source of truth (so there
        // is nothing to restore), while the cart entry is still cached.
        await SharedRedis.Multiplexer.GetDatabase().KeyDeleteAsync((RedisKey)(_prefix + "s:" + mine));
        await _kit.CartStore.ReplaceAsync(cart with { Owner = new CartOwner("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Version = cart.Version + 1 }, cart.Version);
        _kit.Time.Advance(new CartKitOptions().SessionRecheckInterval);

        var read = await _kit.Carts.GetCartAsync(mine);
        Assert.False(read.Succeeded);
        Assert.Equal(CartKitErrorCode.SessionNotFound, read.Error!.Code);
    }

    [Fact]
    public async Task AnEditAfterAWarmRead_IsReadBackAtOnce()
    {
        var (mine, _) = await SessionWithAsync("MUG");
        await ReadAsync(mine);

        var edited = ResultAssert.Success(await _kit.Carts.AddItemAsync(mine, "PEN", 2));

        var read = await ReadAsync(mine);
        Assert.Equal(edited.Version, read.Version);
        Assert.Equal(2, read.Lines.Single(l => l.Sku == "PEN").Quantity);
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private ISessionStore<CartSession> Sessions => _kit.Services.GetRequiredService<ISessionStore<CartSession>>();

    private async Task<(string SessionId, Cart Cart)> SessionWithAsync(string sku)
    {
        var session = await _kit.NewSessionAsync();
        return (session, ResultAssert.Success(await _kit.Carts.AddItemAsync(session, sku, 1)));
    }

    private async Task<Cart> ReadAsync(string session) => ResultAssert.Success(await _kit.Carts.GetCartAsync(session));
}
