using CartKit.Carts;
using CartKit.Domain;
using CartKit.Sessions;
using CartKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartKit.Tests.Sessions;

/// <summary>
/// <see cref="CartKitOptions.SessionRecheckInterval"/>: with a remote session store, a session this process confirmed
/// within the interval is answered without asking the store; what CartKit itself changes is followed at once, from any
/// process; what changes the store behind CartKit's back is noticed once the interval has passed.
/// </summary>
public sealed class SessionRecheckTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = new CartKitOptions().SessionRecheckInterval;
    private readonly CartKitHarness _kit;
    private CountingSessionStore? _store;

    public SessionRecheckTests() => _kit = NewKit();

    private CountingSessionStore Store => _store!;

    [Fact]
    public async Task ASessionConfirmedWithinTheInterval_IsNotAskedForAgain_AndIsOnceTheIntervalHasPassed()
    {
        var session = await _kit.NewSessionAsync();
        ResultAssert.Success(await _kit.Carts.AddItemAsync(session, "MUG", 1));
        var before = Store.Gets;

        ResultAssert.Success(await _kit.Carts.GetCartAsync(session));
        ResultAssert.Success(await _kit.Carts.AddItemAsync(session, "MUG", 1));
        Assert.Equal(before, Store.Gets);

        _kit.Time.Advance(Interval);
        var read = ResultAssert.Success(await _kit.Carts.GetCartAsync(session));
        Assert.Equal(before + 1, Store.Gets);
        Assert.Equal(2, read.ItemCount);

        // Asked once, confirmed again: the next reads within the interval do not ask.
        ResultAssert.Success(await _kit.Carts.GetCartAsync(session));
        Assert.Equal(before + 1, Store.Gets);
    }

    [Fact]
    public async Task TheSlidingExpiry_IsPushedBack_WhenTheStoreIsAskedAgain()
    {
        var session = await _kit.NewSessionAsync();

        _kit.Time.Advance(TimeSpan.FromMinutes(20));
        ResultAssert.Success(await _kit.Carts.GetCartAsync(session));
        _kit.Time.Advance(TimeSpan.FromMinutes(20));

        // 40 minutes after its creation, past the 30-minute TTL it started with (and its untouched cart abandoned, so
        // nothing could restore it): alive, because the read at 20 minutes asked the store, which pushed its expiry back.
        ResultAssert.Success(await _kit.Carts.GetCartAsync(session));
    }

    [Fact]
    public async Task ASessionRemovedBehindTheProcessesBack_IsNoticedOnceTheIntervalHasPassed()
    {
        var session = await _kit.NewSessionAsync();
        var cart = ResultAssert.Success(await _kit.Carts.AddItemAsync(session, "MUG", 1));

        // Removed in the store (another process, or a flush) and no longer the cart's session in the source of truth.
        await Store.RemoveAsync(session);
        await _kit.CartStore.ReplaceAsync(cart with { Owner = new CartOwner(SessionIds.New()), Version = cart.Version + 1 }, cart.Version);

        ResultAssert.Success(await _kit.Carts.GetCartAsync(session));
        _kit.Time.Advance(Interval);
        ResultAssert.Failure(await _kit.Carts.GetCartAsync(session), CartKitErrorCode.SessionNotFound);
    }

    [Fact]
    public async Task ASignInThroughTheSessionInAnotherProcess_IsFollowedAtOnce()
    {
        var device = await _kit.NewSessionAsync("user-1");
        ResultAssert.Success(await _kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1));
        var guest = await _kit.NewSessionAsync();
        ResultAssert.Success(await _kit.Carts.AddItemAsync(guest, "SHIRT", 1));
        ResultAssert.Success(await _kit.Carts.GetCartAsync(guest));

        await using var other = _kit.StartAnotherInstance();
        var merged = ResultAssert.Success(await other.Carts.AttachUserAsync(guest, "user-1"));

        // This process still remembers the guest session naming the guest cart; that cart now says it was merged.
        var read = ResultAssert.Success(await _kit.Carts.GetCartAsync(new CartCaller(guest, "user-1")));
        Assert.Equal(merged.Id, read.Id);
        Assert.Equal(2, read.Lines.Count);
    }

    [Fact]
    public async Task AtZero_EveryRequestAsksTheStore()
    {
        await using var kit = NewKit(o => o.SessionRecheckInterval = TimeSpan.Zero);
        var session = await kit.NewSessionAsync();
        var before = Store.Gets;

        ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        ResultAssert.Success(await kit.Carts.GetCartAsync(session));

        Assert.Equal(before + 2, Store.Gets);
    }

    [Fact]
    public async Task TheInMemorySessionStore_IsAlwaysAsked()
    {
        await using var kit = CartKitHarness.Create(b => b.UseInMemoryStorage());
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        await kit.Sessions.RemoveAsync(session);
        await kit.CartStore.ReplaceAsync(cart with { Owner = new CartOwner(SessionIds.New()), Version = cart.Version + 1 }, cart.Version);

        ResultAssert.Failure(await kit.Carts.GetCartAsync(session), CartKitErrorCode.SessionNotFound);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(181)]
    public void AnIntervalBelowZeroOrAboveATenthOfTheTtl_FailsAtStart(int seconds)
    {
        var error = Assert.Throws<OptionsValidationException>(() => NewKit(o => o.SessionRecheckInterval = TimeSpan.FromSeconds(seconds)));
        Assert.Contains("SessionRecheckInterval", error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    private CartKitHarness NewKit(Action<CartKitOptions>? configure = null)
    {
        var kit = CartKitHarness.Create(
            b =>
            {
                b.UseInMemoryStorage();
                b.Services.AddSingleton<ISessionStore<CartSession>>(sp => _store ??= new CountingSessionStore(new InMemorySessionStore<CartSession>(
                    sp.GetRequiredService<IOptions<SessionStoreOptions<CartSession>>>(),
                    sp.GetRequiredService<TimeProvider>())));
            },
            configure);
        return kit;
    }

    // Stands for a remote store (CartKit rechecks any store but its own in-memory one) and counts the reads.
    private sealed class CountingSessionStore(ISessionStore<CartSession> inner) : ISessionStore<CartSession>
    {
        private int _gets;

        public int Gets => Volatile.Read(ref _gets);

        public ValueTask<SessionEntry<CartSession>> CreateAsync(CartSession value, CancellationToken cancellationToken = default) =>
            inner.CreateAsync(value, cancellationToken);

        public ValueTask<SessionEntry<CartSession>?> GetAsync(string sessionId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _gets);
            return inner.GetAsync(sessionId, cancellationToken);
        }

        public ValueTask<SessionEntry<CartSession>> SetAsync(string sessionId, CartSession value, CancellationToken cancellationToken = default) =>
            inner.SetAsync(sessionId, value, cancellationToken);

        public ValueTask<bool> RemoveAsync(string sessionId, CancellationToken cancellationToken = default) =>
            inner.RemoveAsync(sessionId, cancellationToken);
    }
}
