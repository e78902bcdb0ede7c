using System.Diagnostics.Metrics;
using CartKit.Carts;
using CartKit.Diagnostics;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartKit.Tests.Sessions;

/// <summary>
/// The cart engine with a session store that is down: everything still works from the source of truth, and what
/// the store missed is restored when it answers again. (Against a real Redis: tests/CartKit.Tests/Redis.)
/// </summary>
public sealed class SessionStoreOutageTests : IAsyncDisposable
{
    private readonly MetricsRecorder _metrics = new();
    private readonly CartKitHarness _kit;
    private FlakySessionStore? _store;

    public SessionStoreOutageTests()
    {
        _kit = CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.Services.AddSingleton<IMeterFactory>(_metrics);
            b.Services.AddSingleton<ISessionStore<CartSession>>(sp => _store = new FlakySessionStore(new InMemorySessionStore<CartSession>(
                sp.GetRequiredService<IOptions<SessionStoreOptions<CartSession>>>(),
                sp.GetRequiredService<TimeProvider>())));
        });
        _ = _kit.Sessions;
    }

    private FlakySessionStore Store => _store!;

    [Fact]
    public async Task ReadsAndEdits_GoOnFromTheSourceOfTruth_WhileTheStoreIsDown()
    {
        var session = await _kit.NewSessionAsync();
        await _kit.Carts.AddItemAsync(session, "MUG", 1);

        Store.Down = true;
        _kit.Time.Advance(new CartKitOptions().SessionRecheckInterval); // past what the process remembers of the session
        var edited = ResultAssert.Success(await _kit.Carts.AddItemAsync(session, "MUG", 2));
        var read = ResultAssert.Success(await _kit.Carts.GetCartAsync(session));

        Assert.Equal(3, read.ItemCount);
        Assert.Equal(edited.Version, read.Version);
        Assert.True(_metrics.Sum(CartKitMetrics.SessionStoreErrors, (CartKitMetrics.OperationTag, "get")) >= 2);
    }

    [Fact]
    public async Task ASessionCreatedWhileTheStoreIsDown_WorksAtOnce_AndIsRestoredWhenTheStoreIsBack()
    {
        Store.Down = true;
        var created = ResultAssert.Success(await _kit.Carts.CreateSessionAsync());
        ResultAssert.Success(await _kit.Carts.AddItemAsync(created.SessionId, "MUG", 2));

        Store.Down = false;
        var cart = ResultAssert.Success(await _kit.Carts.GetCartAsync(created.SessionId));

        Assert.Equal(created.Cart.Id, cart.Id);
        Assert.Equal(2, cart.ItemCount);
        Assert.Equal(cart.Id, (await _kit.Sessions.GetAsync(created.SessionId))!.Value.CartId);
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.SessionRestores));
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.SessionStoreErrors, (CartKitMetrics.OperationTag, "create")));
    }

    [Fact]
    public async Task WhileTheStoreIsDown_ASessionPastItsTtl_StaysExpired()
    {
        var session = await _kit.NewSessionAsync();
        await _kit.Carts.AddItemAsync(session, "MUG", 1);

        Store.Down = true;
        _kit.Time.Advance(TimeSpan.FromMinutes(31));

        ResultAssert.Failure(await _kit.Carts.GetCartAsync(session), CartKitErrorCode.SessionNotFound);
        ResultAssert.Failure(await _kit.Carts.AddItemAsync(session, "MUG", 1), CartKitErrorCode.SessionNotFound);
    }

    [Fact]
    public async Task AUserJoiningTheirCartFromANewDevice_WhileTheStoreIsDown_KeepsThatSession()
    {
        var first = ResultAssert.Success(await _kit.Carts.CreateSessionAsync("user-1"));
        var asUser = new CartCaller(first.SessionId, "user-1");
        await _kit.Carts.AddItemAsync(asUser, "MUG", 1);

        Store.Down = true;
        var second = ResultAssert.Success(await _kit.Carts.CreateSessionAsync("user-1"));
        var duringOutage = ResultAssert.Success(await _kit.Carts.AddItemAsync(new CartCaller(second.SessionId, "user-1"), "SHIRT", 1));
        Store.Down = false;
        var afterOutage = ResultAssert.Success(await _kit.Carts.GetCartAsync(new CartCaller(second.SessionId, "user-1")));

        Assert.Equal(first.Cart.Id, second.Cart.Id);
        Assert.Equal(second.SessionId, second.Cart.Owner.SessionId);
        Assert.Equal(2, duringOutage.Lines.Count);
        Assert.Equal(duringOutage.Version, afterOutage.Version);
        ResultAssert.Success(await _kit.Carts.GetCartAsync(asUser));
    }

    [Fact]
    public async Task SigningIn_WhileTheStoreIsDown_StillMergesTheGuestCart()
    {
        var device = await _kit.NewSessionAsync("user-1");
        await _kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1);
        var guest = await _kit.NewSessionAsync();
        await _kit.Carts.AddItemAsync(guest, "SHIRT", 1);

        Store.Down = true;
        var merged = ResultAssert.Success(await _kit.Carts.AttachUserAsync(guest, "user-1"));
        var duringOutage = ResultAssert.Success(await _kit.Carts.GetCartAsync(new CartCaller(guest, "user-1")));
        Store.Down = false;
        var afterOutage = ResultAssert.Success(await _kit.Carts.GetCartAsync(new CartCaller(guest, "user-1")));

        Assert.Equal(2, merged.Lines.Count);
        Assert.Equal(merged.Id, duringOutage.Id);
        Assert.Equal(merged.Id, afterOutage.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await _kit.DisposeAsync();
        _metrics.Dispose();
    }

    private sealed class FlakySessionStore(ISessionStore<CartSession> inner) : ISessionStore<CartSession>
    {
        public volatile bool Down;

        public ValueTask<SessionEntry<CartSession>> CreateAsync(CartSession value, CancellationToken cancellationToken = default) =>
            Down ? throw new SessionStoreUnavailableException() : inner.CreateAsync(value, cancellationToken);

        public ValueTask<SessionEntry<CartSession>?> GetAsync(string sessionId, CancellationToken cancellationToken = default) =>
            Down ? throw new SessionStoreUnavailableException() : inner.GetAsync(sessionId, cancellationToken);

        public ValueTask<SessionEntry<CartSession>> SetAsync(string sessionId, CartSession value, CancellationToken cancellationToken = default) =>
            Down ? throw new SessionStoreUnavailableException() : inner.SetAsync(sessionId, value, cancellationToken);

        public ValueTask<bool> RemoveAsync(string sessionId, CancellationToken cancellationToken = default) =>
            Down ? throw new SessionStoreUnavailableException() : inner.RemoveAsync(sessionId, cancellationToken);
    }
}
