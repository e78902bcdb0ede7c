using CartKit.Sessions;
using CartKit.Testing.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CartKit.Tests.Sessions;

public sealed class InMemorySessionStoreTests : SessionStoreContractTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<Type, object> _stores = [];

    protected override ISessionStore<T> CreateStore<T>(string prefix, TimeSpan ttl, bool sliding = true)
    {
        // Stores of one type share state, as they would in a container (the type is the isolation boundary here).
        if (!_stores.TryGetValue(typeof(T), out var store))
        {
            var options = Options.Create(new SessionStoreOptions<T> { Prefix = prefix, Ttl = ttl, SlidingExpiration = sliding });
            _stores[typeof(T)] = store = new InMemorySessionStore<T>(options, _time);
        }

        return (ISessionStore<T>)store;
    }

    protected override Task AdvanceAsync(TimeSpan by)
    {
        _time.Advance(by);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ExpiredSessions_AreSweptFromMemory()
    {
        var store = (InMemorySessionStore<ShopperSession>)CreateStore<ShopperSession>("t:s:", Ttl);
        for (var i = 0; i < 100; i++)
        {
            await store.CreateAsync(new ShopperSession("cart"));
        }

        _time.Advance(Ttl * 2);
        var survivor = await store.CreateAsync(new ShopperSession("cart"));

        Assert.Equal(1, store.Count);
        Assert.NotNull(await store.GetAsync(survivor.Id));
    }
}
