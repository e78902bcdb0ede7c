using System.Diagnostics;
using CartKit.Redis.Checkout;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartKit.Redis.Tests;

public sealed class RedisCheckoutLockTests : IDisposable
{
    private readonly RedisCacheKit _kit = new(o => o.CheckoutLockDuration = TimeSpan.FromSeconds(1));
    private readonly string _cartId = CartKitIds.NewCartId();

    private RedisCheckoutLock NewLock() =>
        new(_kit.Connection, _kit.Outage, _kit.Keys, Microsoft.Extensions.Options.Options.Create(_kit.Options), NullLogger<RedisCheckoutLock>.Instance);

    private string LockKey => _kit.Options.KeyPrefix + "l:" + _cartId;

    [Fact]
    public async Task TheLock_IsATokenWithAnExpiry_DeletedOnRelease()
    {
        var held = await NewLock().AcquireAsync(_cartId, default);

        var token = (string?)await _kit.Database.StringGetAsync(LockKey);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
        Assert.InRange((await _kit.Database.KeyTimeToLiveAsync(LockKey))!.Value, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));

        await held.DisposeAsync();
        Assert.False(await _kit.Database.KeyExistsAsync(LockKey));
    }

    [Fact]
    public async Task ASecondCheckout_WaitsForTheFirst_InAnotherProcessToo()
    {
        var first = await NewLock().AcquireAsync(_cartId, default);
        var second = Task.Run(async () => await NewLock().AcquireAsync(_cartId, default));

        await Task.Delay(150);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();

        await using var held = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(await _kit.Database.KeyExistsAsync(LockKey));
    }

    [Fact]
    public async Task OnlyTheOwner_ReleasesTheLock()
    {
        var expired = await NewLock().AcquireAsync(_cartId, default);

        // The first owner's lock expired and another checkout took it; the late release must leave that one alone.
        await _kit.Database.StringSetAsync(LockKey, "someone-else", TimeSpan.FromSeconds(30));
        await expired.DisposeAsync();

        Assert.Equal("someone-else", (string?)await _kit.Database.StringGetAsync(LockKey));
    }

    [Fact]
    public async Task AHeldLock_IsWaitedForAtMostItsDuration_ThenTheCheckoutGoesAhead()
    {
        await _kit.Database.StringSetAsync(LockKey, "stuck", TimeSpan.FromMinutes(1));
        var clock = Stopwatch.StartNew();

        await using var notHeld = await NewLock().AcquireAsync(_cartId, default);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Equal("stuck", (string?)await _kit.Database.StringGetAsync(LockKey));
    }

    public void Dispose() => _kit.Dispose();
}
