using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Sessions;

namespace CartKit.Carts;

// Signing in through a guest session. The guest cart is adopted by the user when they have no active cart;
// otherwise it is first frozen (status Merged, pointing at the user's cart) and then its lines are merged into the
// user's cart, recorded there by id so the merge applies exactly once. Freezing first is what keeps concurrent adds
// safe: an add that lands before the freeze makes the freeze fail and retry with its line included; an add after it
// sees the Merged status and follows to the user's cart. A crash between the two steps is repaired by whoever reads
// through the session next (FollowMergeAsync), so readers only ever see the merge done or not started.
// Every write here is one CartWriter call that decides from the fresh cart; each returns false when that write gave up.
internal sealed partial class CartResolver
{
    private async ValueTask<bool> AttachAsync(SessionEntry<CartSession> session, Cart guest, string userId, CancellationToken cancellationToken)
    {
        var target = await _carts.FindActiveByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            var adopted = await _writer.WriteAsync(
                guest.Id,
                "sign-in adopt",
                userId,
                static (cart, user) => IsActiveGuest(cart) ? CartChange.Write(cart! with { Owner = cart.Owner with { UserId = user } }) : CartChange.Stop,
                cancellationToken).ConfigureAwait(false);
            if (adopted.Outcome == CartWriteOutcome.Written)
            {
                await TrySetSessionAsync(session.Id, new CartSession(adopted.Cart!.Id, userId), cancellationToken).ConfigureAwait(false);
            }

            // Not written: the cart is no longer an active guest cart, or the user got an active cart meanwhile. The
            // caller resolves again.
            return adopted.Outcome != CartWriteOutcome.Exhausted;
        }

        var frozen = await _writer.WriteAsync(
            guest.Id,
            "sign-in freeze",
            target.Id,
            static (cart, into) => IsActiveGuest(cart) ? CartChange.Write(cart! with { Status = CartStatus.Merged, MergedIntoCartId = into }) : CartChange.Stop,
            cancellationToken).ConfigureAwait(false);
        return frozen.Outcome switch
        {
            CartWriteOutcome.Written => await FollowMergeAsync(session, frozen.Cart!, cancellationToken).ConfigureAwait(false),
            CartWriteOutcome.Exhausted => false,
            _ => true,
        };
    }

    // Brings the guest's lines to the cart its pointer names, then points the session at the cart that holds them.
    // Each step makes progress (the target completed, so the guest moves on), so the bound only stops a cycle.
    private async ValueTask<bool> FollowMergeAsync(SessionEntry<CartSession> session, Cart guest, CancellationToken cancellationToken)
    {
        for (var step = 1; step <= _options.MaxWriteAttempts; step++)
        {
            var merge = await _writer.WriteAsync(
                guest.MergedIntoCartId!,
                "sign-in merge",
                (guest, session.Id, _options),
                static (target, s) => DecideMerge(target, s.guest, s.Id, s._options),
                cancellationToken).ConfigureAwait(false);
            switch (merge.Outcome)
            {
                case CartWriteOutcome.Written:
                case CartWriteOutcome.Unchanged:
                    await PointSessionAtAsync(session, merge.Cart!, cancellationToken).ConfigureAwait(false);
                    return true;
                case CartWriteOutcome.Exhausted:
                    return false;
                case CartWriteOutcome.Stopped when merge.Cart is null:
                    throw new InvalidOperationException("A merged cart points at a cart that does not exist.");
                case CartWriteOutcome.Stopped:
                    break;
                default:
                    throw new InvalidOperationException($"A merge into a user's cart, which changes neither its owner nor its status, ended {merge.Outcome}.");
            }

            // The user's cart was completed before the merge landed: the guest lines go to whatever cart the user
            // has now, or the guest cart becomes the user's cart again.
            var completed = merge.Cart!;
            var userId = completed.Owner.UserId!;
            var current = await _carts.FindActiveByUserAsync(userId, cancellationToken).ConfigureAwait(false);
            var moved = await _writer.WriteAsync(
                guest.Id,
                "sign-in merge redirect",
                (completed: completed.Id, userId, current: current?.Id),
                static (cart, s) => DecideRedirect(cart, s.completed, s.userId, s.current),
                cancellationToken).ConfigureAwait(false);
            switch (moved.Outcome)
            {
                case CartWriteOutcome.Exhausted:
                    return false;
                case CartWriteOutcome.UserHasActiveCart:
                    return true; // The user got an active cart meanwhile: resolving again merges into it.
            }

            // Written, or moved on by someone else (Stopped with the cart as it is now).
            switch (moved.Cart?.Status)
            {
                case CartStatus.Active:
                    await PointSessionAtAsync(session, moved.Cart, cancellationToken).ConfigureAwait(false);
                    return true;
                case CartStatus.Merged:
                    guest = moved.Cart;
                    break;
                default:
                    return true;
            }
        }

        Log.AttemptsExhausted(_logger, "following a sign-in merge", _options.MaxWriteAttempts);
        return false;
    }

    private static bool IsActiveGuest(Cart? cart) => cart is { Status: CartStatus.Active, Owner.UserId: null };

    private static CartChange DecideMerge(Cart? target, Cart guest, string sessionId, CartKitOptions limits)
    {
        if (target is null)
        {
            return CartChange.Stop;
        }

        if (target.MergedCartIds.Contains(guest.Id, StringComparer.Ordinal))
        {
            return CartChange.Keep;
        }

        if (target.Status != CartStatus.Active)
        {
            return CartChange.Stop;
        }

        return CartChange.Write(CartMerge.Merge(target, guest, limits) with
        {
            MergedCartIds = [.. target.MergedCartIds, guest.Id],
            Owner = target.Owner with { SessionId = sessionId },
            Details = CheckoutDetailsRules.Fill(target.Details, guest.Details),
        });
    }

    // Only a guest still pointing at the completed cart moves; one already moved on is the caller's to follow.
    private static CartChange DecideRedirect(Cart? guest, string completedCartId, string userId, string? activeCartId)
    {
        if (guest is not { Status: CartStatus.Merged } || !string.Equals(guest.MergedIntoCartId, completedCartId, StringComparison.Ordinal))
        {
            return CartChange.Stop;
        }

        return CartChange.Write(activeCartId is null
            ? guest with { Status = CartStatus.Active, MergedIntoCartId = null, Owner = guest.Owner with { UserId = userId } }
            : guest with { MergedIntoCartId = activeCartId });
    }

    private ValueTask<(SessionEntry<CartSession> Session, bool Stored)> PointSessionAtAsync(
        SessionEntry<CartSession> session,
        Cart destination,
        CancellationToken cancellationToken) =>
        TrySetSessionAsync(session.Id, new CartSession(destination.Id, destination.Owner.UserId), cancellationToken);
}
