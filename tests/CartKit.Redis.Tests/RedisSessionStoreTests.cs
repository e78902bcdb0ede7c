using CartKit.Redis.Connection;
using CartKit.Redis.Sessions;
using CartKit.Sessions;
using CartKit.Testing.Sessions;
using CartKit.TestSupport;
using Microsoft.Extensions.Options;

namespace CartKit.Redis.Tests;

/// <summary>
/// The session store contract against a real Redis. Time passes for real here (Redis expires keys on its own clock),
/// so the TTL is short; each test writes under its own key prefix on the shared server.
/// </summary>
public sealed class RedisSessionStoreTests : SessionStoreContractTests
{
    private readonly string _prefix = SharedRedis.NewPrefix();
    private readonly RedisConnection _connection = SharedRedis.Connection();

    protected override TimeSpan Ttl => TimeSpan.FromSeconds(2);

    protected override ISessionStore<T> CreateStore<T>(string prefix, TimeSpan ttl, bool sliding = true) =>
        SharedRedis.SessionStore<T>(_prefix + prefix, ttl, sliding, _connection);

    protected override Task AdvanceAsync(TimeSpan by) => Task.Delay(by);

    [Fact]
    public async Task Sessions_AreStoredUnderTheirPrefix_AsCompactJson_WithTheirTtl()
    {
        var options = new SessionStoreOptions<CartSession>
        {
            Prefix = _prefix + "cart:s:",
            Ttl = TimeSpan.FromMinutes(30),
            JsonTypeInfo = CartSessionJsonContext.Default.CartSession,
        };
        var store = new RedisSessionStore<CartSession>(Options.Create(options), _connection, SharedRedis.Outage(), TimeProvider.System);
        var created = await store.CreateAsync(new CartSession("AAAAAAAAAAAAAAAAAAAAAA"));

        var database = SharedRedis.Multiplexer.GetDatabase();
        var key = _prefix + "cart:s:" + created.Id;

        Assert.Equal("{\"cartId\":\"AAAAAAAAAAAAAAAAAAAAAA\"}", (string?)await database.StringGetAsync(key));
        Assert.InRange((await database.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task SettingASessionWithAbsoluteExpiry_KeepsItsRemainingTtl()
    {
        var store = CreateStore<ShopperSession>("abs:", TimeSpan.FromMinutes(10), sliding: false);
        var created = await store.CreateAsync(new ShopperSession("cart-1"));
        var database = SharedRedis.Multiplexer.GetDatabase();
        var key = _prefix + "abs:" + created.Id;
        await database.KeyExpireAsync(key, TimeSpan.FromMinutes(3));

        var updated = await store.SetAsync(created.Id, new ShopperSession("cart-2"));

        Assert.InRange((await database.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromMinutes(2.9), TimeSpan.FromMinutes(3));
        Assert.InRange(updated.ExpiresAt - TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(2.9), TimeSpan.FromMinutes(3));
        Assert.Equal("cart-2", (await store.GetAsync(created.Id))!.Value.CartId);
    }
}
