using CartKit.Caching;
using CartKit.Carts;
using CartKit.Domain;
using CartKit.Pricing;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using CartKit.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CartKit.Tests.Carts;

/// <summary>The one write path: fresh read, decision, revision, compare-and-swap, retries, backoff, limit, log.</summary>
public sealed class CartWriterTests
{
    private readonly ScriptedCartRepository _store = new(new InMemoryCartRepository());
    private readonly CapturedLogs _logs = new();
    private readonly List<string> _trace = [];
    private readonly FakeTimeProvider _time = new(Samples.T0.AddMinutes(10));

    [Fact]
    public async Task AStoreWhereEveryWriteLoses_GetsMaxWriteAttemptsFreshReadsAndReplaces_WithABackoffBeforeEachRetry_AndOneLog()
    {
        var cart = await _store.SeedAsync(Samples.Cart());
        _store.Answer = CartWriteResult.VersionConflict;
        _store.Trace = _trace;

        var write = await Writer(maxAttempts: 4).WriteAsync(cart.Id, "test write", "s2", static (c, s) => CartChange.Write(NewOwnerSession(c!, s)), default);

        Assert.Equal(CartWriteOutcome.Exhausted, write.Outcome);
        Assert.Null(write.Cart);
        Assert.Equal(
            [
                "get", "replace VersionConflict",
                "backoff 2", "get", "replace VersionConflict",
                "backoff 3", "get", "replace VersionConflict",
                "backoff 4", "get", "replace VersionConflict",
            ],
            _trace);
        var logged = Assert.Single(_logs.AttemptsExhausted);
        Assert.Contains("test write", logged, StringComparison.Ordinal);
        Assert.Contains("4 attempts", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachAttempt_DecidesOnTheCartAsItIsNow()
    {
        var cart = await _store.SeedAsync(Samples.Cart());
        _store.BeforeNextReplace = async () =>
            Assert.Equal(CartWriteResult.Written, await _store.Inner.ReplaceAsync(Samples.Next(cart, c => NewOwnerSession(c, "other")), cart.Version));
        var seen = new List<long>();

        var write = await Writer().WriteAsync(
            cart.Id,
            "test write",
            seen,
            static (c, versions) =>
            {
                versions.Add(c!.Version);
                return CartChange.Write(c with { Lines = [c.Lines[0]] });
            },
            default);

        Assert.Equal(CartWriteOutcome.Written, write.Outcome);
        Assert.Equal([1L, 2L], seen);
        Assert.Equal(3, write.Cart!.Version);
        Assert.Equal("other", write.Cart.Owner.SessionId);
        Assert.Equal(cart.Lines[0], Assert.Single(write.Cart.Lines));
        Assert.Equal(3, (await _store.Inner.GetAsync(cart.Id))!.Version);
    }

    [Fact]
    public async Task KeepRefuseAndStop_WriteNothing_AndAnswerWithTheFreshCart()
    {
        var cart = await _store.SeedAsync(Samples.Cart());
        var writer = Writer();

        var kept = await writer.WriteAsync(cart.Id, "test write", 0, static (_, _) => CartChange.Keep, default);
        var refused = await writer.WriteAsync(cart.Id, "test write", 0, static (_, _) => CartChange.Refuse(CartErrors.CartCompleted), default);
        var stopped = await writer.WriteAsync(cart.Id, "test write", 0, static (_, _) => CartChange.Stop, default);
        var missing = await writer.WriteAsync("no-such-cart", "test write", 0, static (c, _) => c is null ? CartChange.Stop : CartChange.Keep, default);

        Assert.Equal((CartWriteOutcome.Unchanged, 1L), (kept.Outcome, kept.Cart!.Version));
        Assert.Equal((CartWriteOutcome.Refused, CartKitErrorCode.CartCompleted), (refused.Outcome, refused.Error!.Code));
        Assert.Equal((CartWriteOutcome.Stopped, cart.Id), (stopped.Outcome, stopped.Cart!.Id));
        Assert.Equal(CartWriteOutcome.Stopped, missing.Outcome);
        Assert.Null(missing.Cart);
        Assert.Equal(0, _store.Replaces);
    }

    [Fact]
    public async Task AStoreRefusingAUsersSecondActiveCart_EndsTheWrite_WithoutRetrying()
    {
        var cart = await _store.SeedAsync(Samples.Cart());
        _store.Answer = CartWriteResult.UserHasActiveCart;

        var write = await Writer().WriteAsync(cart.Id, "test write", 0, static (c, _) => CartChange.Write(c! with { Owner = c.Owner with { UserId = "user-1" } }), default);

        Assert.Equal(CartWriteOutcome.UserHasActiveCart, write.Outcome);
        Assert.Equal(cart.Version, write.Cart!.Version);
        Assert.Equal(1, _store.Replaces);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public async Task ADecisionLeftUnset_IsABug_NotASuccess()
    {
        var cart = await _store.SeedAsync(Samples.Cart());

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Writer().WriteAsync(cart.Id, "test write", 0, static (_, _) => default, default));
        Assert.Equal(0, _store.Replaces);
    }

    [Fact]
    public async Task ARevision_BumpsTheVersionByOne_AndStampsTheTime()
    {
        var cart = await _store.SeedAsync(Samples.Cart());

        var write = await Writer().WriteAsync(cart.Id, "test write", "s2", static (c, s) => CartChange.Write(NewOwnerSession(c!, s)), default);

        Assert.Equal(cart.Version + 1, write.Cart!.Version);
        Assert.Equal(Samples.T0.AddMinutes(10), write.Cart.UpdatedAt);
        Assert.Equal(Samples.T0.AddMinutes(10), write.Cart.LastActivityAt);
        Assert.Equal(cart.CreatedAt, write.Cart.CreatedAt);
    }

    [Fact]
    public async Task ADraftWithTheSameLines_KeepsItsAdjustments_WithoutRunningHostCode()
    {
        var cart = await _store.SeedAsync(Samples.Cart());
        var adjustment = new CountingAdjustment();

        var write = await Writer(adjustments: adjustment).WriteAsync(cart.Id, "test write", "s2", static (c, s) => CartChange.Write(NewOwnerSession(c!, s)), default);

        Assert.Equal(CartWriteOutcome.Written, write.Outcome);
        Assert.Equal(cart.Adjustments, write.Cart!.Adjustments);
        Assert.Empty(adjustment.Priced);
    }

    [Fact]
    public async Task APricedWrite_ReadsOnce_PricesOnce_AndWritesOnce_WhenNothingRaces()
    {
        var cart = await _store.SeedAsync(Samples.Cart());
        var adjustment = new CountingAdjustment();

        var write = await Writer(adjustments: adjustment).WriteAsync(cart.Id, "test write", 0, static (c, _) => CartChange.Write(c! with { Lines = [c.Lines[0]] }), default);

        Assert.Equal(CartWriteOutcome.Written, write.Outcome);
        Assert.Equal((1, 1), (_store.Gets, _store.Replaces));
        Assert.Equal([1], adjustment.Priced);
        Assert.Equal(new AdjustmentLine(CountingAdjustment.Name, new Money(-1, Currency.USD)), Assert.Single(write.Cart!.Adjustments));
    }

    [Fact]
    public async Task APricedWriteThatLost_IsDecidedAndPricedAgainFromTheNewCart_WithoutAnExtraRead()
    {
        var cart = await _store.SeedAsync(Samples.Cart());
        var adjustment = new CountingAdjustment();
        _store.Trace = _trace;
        _store.BeforeNextReplace = async () =>
            Assert.Equal(CartWriteResult.Written, await _store.Inner.ReplaceAsync(Samples.Next(cart, c => c with { Lines = [.. c.Lines, c.Lines[0] with { ItemId = "AAAAAAAAAAAA", Sku = "CAP" }] }), cart.Version));

        var write = await Writer(adjustments: adjustment).WriteAsync(cart.Id, "test write", 0, static (c, _) => CartChange.Write(c! with { Lines = c.Lines.Skip(1).ToArray() }), default);

        // The first draft (from 2 lines) was priced, lost, and the second was made and priced from the 3 lines now stored.
        Assert.Equal(["get", "replace VersionConflict", "backoff 2", "get", "replace Written"], _trace);
        Assert.Equal([1, 2], adjustment.Priced);
        Assert.Equal(["MUG", "CAP"], write.Cart!.Lines.Select(l => l.Sku));
        Assert.Equal(new Money(-2, Currency.USD), Assert.Single(write.Cart.Adjustments).Amount);
    }

    private static Cart NewOwnerSession(Cart cart, string sessionId) => cart with { Owner = cart.Owner with { SessionId = sessionId } };

    private CartWriter Writer(int maxAttempts = 10, params ICartAdjustment[] adjustments) => new(
        _store,
        new CartReader(_store, _store),
        new CartPricer(adjustments),
        Options.Create(new CartKitOptions { MaxWriteAttempts = maxAttempts }),
        _time,
        _logs.CreateLogger<CartWriter>(),
        (attempt, _) =>
        {
            _trace.Add($"backoff {attempt}");
            return ValueTask.CompletedTask;
        });

    // One minor unit off per line; remembers how many lines each pricing saw.
    private sealed class CountingAdjustment : ICartAdjustment
    {
        public const string Name = "Per line";

        public List<int> Priced { get; } = [];

        public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
        {
            Priced.Add(context.Lines.Count);
            context.Add(Name, -context.Lines.Count);
            return ValueTask.CompletedTask;
        }
    }
}
