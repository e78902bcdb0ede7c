using CartKit.Carts;
using CartKit.Domain;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using CartKit.Testing;
using CartKit.Testing.Engines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CartKit.Tests.Carts;

/// <summary>
/// Every path that writes a cart gives up the same way when every compare-and-swap loses: after exactly
/// MaxWriteAttempts replaces, with one AttemptsExhausted log naming the operation, and no retry loop around it.
/// </summary>
public sealed class WriteAttemptLimitTests : IAsyncLifetime
{
    private const int MaxWriteAttempts = 3;

    private readonly ScriptedCartRepository _store = new(new InMemoryCartRepository());
    private readonly CapturedLogs _logs = new();
    private CartKitHarness _kit = null!;

    public Task InitializeAsync()
    {
        _kit = CartKitHarness.Create(
            b =>
            {
                b.UseInMemoryStorage();
                b.Services.RemoveAllKeyed<ICartRepository>(CartKitServiceKeys.SourceOfTruth);
                b.Services.AddKeyedSingleton<ICartRepository>(CartKitServiceKeys.SourceOfTruth, _store);
                b.Services.AddSingleton<ILoggerProvider>(_logs);
            },
            o => o.MaxWriteAttempts = MaxWriteAttempts);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ALineEdit_WhoseEveryWriteLoses_IsAConcurrencyConflict()
    {
        var session = await _kit.NewSessionAsync();

        var replaces = await EveryWriteLosesAsync(async () =>
            ResultAssert.Failure(await _kit.Carts.AddItemAsync(session, "MUG", 1), CartKitErrorCode.ConcurrencyConflict));

        Assert.Equal(MaxWriteAttempts, replaces);
        AssertLoggedOnce("cart edit");
    }

    [Fact]
    public async Task CompletingAPaidCart_WhoseEveryWriteLoses_GivesUp_AndThePaymentStands()
    {
        var session = await _kit.NewSessionAsync();
        await _kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await _kit.Checkout.CheckoutAsync(session)).Order;

        var replaces = await EveryWriteLosesAsync(async () =>
            Assert.Equal(OrderStatus.Paid, ResultAssert.Success(await _kit.Checkout.PayAsync(order, "pi_1")).Status));

        Assert.Equal(MaxWriteAttempts, replaces);
        AssertLoggedOnce("cart completion");
        Assert.Equal(CartStatus.Active, (await _store.Inner.GetAsync(order.CartId))!.Status);
    }

    [Fact]
    public async Task ASignInMerge_WhoseEveryWriteLoses_IsAConcurrencyConflict_AndTheGuestCartIsUntouched()
    {
        var device = await _kit.NewSessionAsync("user-1");
        await _kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1);
        var guest = await _kit.NewSessionAsync();
        var guestCart = ResultAssert.Success(await _kit.Carts.AddItemAsync(guest, "SHIRT", 1));

        var replaces = await EveryWriteLosesAsync(async () =>
            ResultAssert.Failure(await _kit.Carts.AttachUserAsync(guest, "user-1"), CartKitErrorCode.ConcurrencyConflict));

        Assert.Equal(MaxWriteAttempts, replaces);
        AssertLoggedOnce("sign-in freeze");
        Assert.Equal(guestCart.Version, (await _store.Inner.GetAsync(guestCart.Id))!.Version);
    }

    [Fact]
    public async Task ASignInAdopt_WhoseEveryWriteLoses_IsAConcurrencyConflict()
    {
        var guest = await _kit.NewSessionAsync();
        await _kit.Carts.AddItemAsync(guest, "SHIRT", 1);

        var replaces = await EveryWriteLosesAsync(async () =>
            ResultAssert.Failure(await _kit.Carts.AttachUserAsync(guest, "user-1"), CartKitErrorCode.ConcurrencyConflict));

        Assert.Equal(MaxWriteAttempts, replaces);
        AssertLoggedOnce("sign-in adopt");
        Assert.Null(await _store.Inner.FindActiveByUserAsync("user-1"));
    }

    [Fact]
    public async Task AnAddThroughAFrozenGuestCart_WhoseMergeKeepsLosing_IsAConcurrencyConflict()
    {
        var device = await _kit.NewSessionAsync("user-1");
        var userCart = ResultAssert.Success(await _kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1));
        var guest = await _kit.NewSessionAsync();
        var guestCart = ResultAssert.Success(await _kit.Carts.AddItemAsync(guest, "SHIRT", 1));

        // Frozen towards the user's cart by a process that died before the merge.
        var frozen = Samples.Next(guestCart, c => c with { Status = CartStatus.Merged, MergedIntoCartId = userCart.Id });
        Assert.Equal(CartWriteResult.Written, await _store.Inner.ReplaceAsync(frozen, guestCart.Version));

        var replaces = await EveryWriteLosesAsync(async () =>
            ResultAssert.Failure(await _kit.Carts.AddItemAsync(new CartCaller(guest, "user-1"), "CAP", 1), CartKitErrorCode.ConcurrencyConflict));

        Assert.Equal(MaxWriteAttempts, replaces);
        AssertLoggedOnce("sign-in merge");
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    // Runs the action while every replace loses; returns how many replaces it made.
    private async Task<int> EveryWriteLosesAsync(Func<Task> action)
    {
        var before = _store.Replaces;
        _store.Answer = CartWriteResult.VersionConflict;
        try
        {
            await action();
        }
        finally
        {
            _store.Answer = null;
        }

        return _store.Replaces - before;
    }

    private void AssertLoggedOnce(string operation)
    {
        var logged = Assert.Single(_logs.AttemptsExhausted);
        Assert.StartsWith($"Gave up {operation} after {MaxWriteAttempts} attempts", logged, StringComparison.Ordinal);
    }
}
