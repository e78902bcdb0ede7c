using CartKit.Caching;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Internal;
using CartKit.Pricing;
using CartKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.Carts;

// The one write path for an existing cart. Every compare-and-swap of a cart (line edits, sign-in adopt, freeze and
// merge, owner session, completion after payment) goes through here, so the lock, the fresh read, the revision, the
// retries, their backoff and limit, and the log when they run out exist once; callers only decide what the fresh cart
// should become.
// The lock is this process's stripe for the cart, so its writers queue instead of failing each other's compare-and-swap
// (an optimisation: the store's version check is what correctness rests on). The read goes to the source of truth, because
// the compare-and-swap needs its version and a cached copy could only be stale. Host pricing code (ICartAdjustment)
// never runs under the lock: it may be slow or call back into CartKit, and a striped lock would hold up unrelated carts
// too. A draft is priced after the lock is released and written under it again at the version it was made from; if the
// cart moved meanwhile, that compare-and-swap fails and the next attempt decides and prices again from the new cart.
// That next attempt prices under the lock: writers of one cart in one process would otherwise keep invalidating each
// other's pricing and could run out of attempts, where queued on the lock each makes progress. Host code then holds
// the lock only for a cart that is being written concurrently, and only after it lost once.
internal sealed class CartWriter
{
    private readonly StripedAsyncLock _locks = new();
    private readonly ICartRepository _carts;
    private readonly CartReader _reader;
    private readonly CartPricer _pricer;
    private readonly TimeProvider _time;
    private readonly int _maxAttempts;
    private readonly ILogger<CartWriter> _logger;
    private readonly Func<int, CancellationToken, ValueTask> _backoff;

    // backoff: the pause before each retry (attempt 2 onwards); tests replace it to observe it.
    public CartWriter(
        ICartRepository carts,
        CartReader reader,
        CartPricer pricer,
        IOptions<CartKitOptions> options,
        TimeProvider time,
        ILogger<CartWriter> logger,
        Func<int, CancellationToken, ValueTask>? backoff = null)
    {
        _carts = carts;
        _reader = reader;
        _pricer = pricer;
        _maxAttempts = options.Value.MaxWriteAttempts;
        _time = time;
        _logger = logger;
        _backoff = backoff ?? ConflictBackoff.DelayAsync;
    }

    /// <summary>
    /// Writes the change <paramref name="decide"/> makes to the fresh cart, retrying from a fresh read while other
    /// writers win, at most <see cref="CartKitOptions.MaxWriteAttempts"/> times.
    /// </summary>
    /// <typeparam name="TState">The type of <paramref name="state"/>.</typeparam>
    /// <param name="cartId">The cart to write.</param>
    /// <param name="operation">What the write is, for the log when the attempts run out (no ids).</param>
    /// <param name="state">What <paramref name="decide"/> needs besides the cart, so it can be a static lambda.</param>
    /// <param name="decide">A pure function of the fresh cart (or null) and the state; called once per attempt.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>How the write ended, with the cart that goes with the outcome.</returns>
    public async ValueTask<CartWrite> WriteAsync<TState>(
        string cartId,
        string operation,
        TState state,
        Func<Cart?, TState, CartChange> decide,
        CancellationToken cancellationToken)
    {
        var priceUnderLock = false;
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            // Every retry waits, whichever way the last attempt lost, so competing processes stop colliding in lock-step.
            if (attempt > 1)
            {
                await _backoff(attempt, cancellationToken).ConfigureAwait(false);
            }

            Cart current;
            Cart draft;
            CheckoutDetails? mustApply;
            using (await _locks.AcquireAsync(cartId, cancellationToken).ConfigureAwait(false))
            {
                var fresh = await _reader.ReadForUpdateAsync(cartId, cancellationToken).ConfigureAwait(false);
                var change = decide(fresh, state);
                if (change.Kind != CartChangeKind.Write)
                {
                    return CartWrite.NotWritten(change, fresh);
                }

                current = fresh ?? throw new InvalidOperationException("A cart write was decided for a cart that does not exist.");
                draft = change.Draft!;
                mustApply = change.MustApply;
                var needsPricing = NeedsPricing(current, draft, out var pricing);
                if (!needsPricing || priceUnderLock)
                {
                    if (needsPricing)
                    {
                        pricing = await PriceAsync(draft, cancellationToken).ConfigureAwait(false);
                    }

                    if (CheckoutDetailsRules.Refusal(mustApply, pricing) is { } refusal)
                    {
                        return CartWrite.NotWritten(CartChange.Refuse(refusal), current);
                    }

                    var next = Revise(current, draft, pricing);
                    if (Settle(await _carts.ReplaceAsync(next, current.Version, cancellationToken).ConfigureAwait(false), current, next) is { } done)
                    {
                        return done;
                    }

                    continue;
                }
            }

            var pricedDraft = await PriceAsync(draft, cancellationToken).ConfigureAwait(false);
            if (CheckoutDetailsRules.Refusal(mustApply, pricedDraft) is { } refused)
            {
                // Decided on the cart as read: a write that landed meanwhile could have made a difference, but the
                // caller's retry decides on the cart as it is then.
                return CartWrite.NotWritten(CartChange.Refuse(refused), current);
            }

            var priced = Revise(current, draft, pricedDraft);
            using (await _locks.AcquireAsync(cartId, cancellationToken).ConfigureAwait(false))
            {
                // No second read: the compare-and-swap at the version the draft was made from is the check.
                if (Settle(await _carts.ReplaceAsync(priced, current.Version, cancellationToken).ConfigureAwait(false), current, priced) is { } done)
                {
                    return done;
                }
            }

            priceUnderLock = true;
        }

        Log.AttemptsExhausted(_logger, operation, _maxAttempts);
        return CartWrite.Exhausted;
    }

    // Adjustments follow what they are computed from (the lines, the checkout details, the customer): a cart where none
    // of it changed keeps its adjustments, and one that needs no host code to price (no adjustments registered, or no
    // lines) gets its pricing without leaving the lock.
    private bool NeedsPricing(Cart current, Cart draft, out CartPricing pricing)
    {
        if (ReferenceEquals(current.Lines, draft.Lines) && ReferenceEquals(current.Currency, draft.Currency)
            && ReferenceEquals(current.Details, draft.Details) && string.Equals(current.Owner.UserId, draft.Owner.UserId, StringComparison.Ordinal))
        {
            pricing = new CartPricing(draft.Adjustments, draft.Details, Checked: false);
            return false;
        }

        pricing = CartPricer.WithoutAdjustments(draft.Lines, draft.Details);
        return _pricer.RunsAdjustments(draft.Lines);
    }

    private ValueTask<CartPricing> PriceAsync(Cart draft, CancellationToken cancellationToken) =>
        _pricer.PriceAsync(draft.Currency, draft.Lines, draft.Details, draft.Owner.UserId, cancellationToken);

    // The revision: the next snapshot, at version + 1, stamped now, with the adjustments of its lines and the details
    // pricing kept (a discount code or shipping method no adjustment accepts any more is dropped). The time is taken
    // here, after any pricing, so it is the time of the write.
    private Cart Revise(Cart current, Cart draft, CartPricing pricing)
    {
        var now = StoredTime.Now(_time);
        return draft with
        {
            Adjustments = pricing.Adjustments,
            Details = pricing.Details.IsEmpty ? CheckoutDetails.None : pricing.Details,
            Version = current.Version + 1,
            UpdatedAt = now,
            LastActivityAt = now,
        };
    }

    // What the store's answer to the compare-and-swap means for the write; null when another writer won (try again).
    // Kept synchronous, with the store call awaited by WriteAsync, so a write allocates no extra async state.
    private static CartWrite? Settle(CartWriteResult result, Cart current, Cart next) => result switch
    {
        CartWriteResult.Written => CartWrite.Written(next),
        CartWriteResult.UserHasActiveCart => CartWrite.UserHasActiveCart(current),
        _ => null,
    };
}
