using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Sessions;
using CartKit.Storage;

namespace CartKit.Carts;

// Signing in through a guest session. The guest cart is adopted by the user when they have no active cart;
// otherwise it is first frozen (status Merged, pointing at the user's cart) and then its lines are merged into the
// user's cart, recorded there by id so the merge applies exactly once. Freezing first is what keeps concurrent adds
// safe: an add that lands before the freeze makes the freeze fail and retry with its line included; an add after it
// sees the Merged status and follows to the user's cart. A crash between the two steps is repaired by whoever reads
// through the session next (FollowMergeAsync), so readers only ever see the merge done or not started.
internal sealed partial class CartResolver
{
    private async ValueTask AttachAsync(SessionEntry<CartSession> session, Cart guest, string userId, CancellationToken cancellationToken)
    {
        var target = await _carts.FindActiveByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            var adopted = await WriteAsync(
                guest,
                guest with { Owner = guest.Owner with { UserId = userId } },
                cancellationToken).ConfigureAwait(false);
            if (adopted is not null)
            {
                await TrySetSessionAsync(session.Id, new CartSession(adopted.Id, userId), cancellationToken).ConfigureAwait(false);
            }

            // Not written: a concurrent change, or the user got an active cart meanwhile. The caller resolves again.
            return;
        }

        var frozen = await WriteAsync(
            guest,
            guest with { Status = CartStatus.Merged, MergedIntoCartId = target.Id },
            cancellationToken).ConfigureAwait(false);
        if (frozen is not null)
        {
            await FollowMergeAsync(session, frozen, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask FollowMergeAsync(SessionEntry<CartSession> session, Cart guest, CancellationToken cancellationToken)
    {
        var destination = await ApplyMergeAsync(guest, session.Id, cancellationToken).ConfigureAwait(false);
        if (destination is not null)
        {
            await TrySetSessionAsync(session.Id, new CartSession(destination.Id, destination.Owner.UserId), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    // Returns the cart that now holds the guest's lines, or null when the guest cart changed under us (resolve again).
    private async ValueTask<Cart?> ApplyMergeAsync(Cart guest, string sessionId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= _options.MaxWriteAttempts; attempt++)
        {
            var target = await _reader.ReadForUpdateAsync(guest.MergedIntoCartId!, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A merged cart points at a cart that does not exist.");
            if (target.MergedCartIds.Contains(guest.Id, StringComparer.Ordinal))
            {
                return target;
            }

            if (target.Status == CartStatus.Active)
            {
                var draft = CartLines.Merge(target, guest, _options) with
                {
                    MergedCartIds = [.. target.MergedCartIds, guest.Id],
                    Owner = target.Owner with { SessionId = sessionId },
                };
                if (await WriteAsync(target, draft, cancellationToken).ConfigureAwait(false) is { } merged)
                {
                    return merged;
                }

                continue;
            }

            // The user's cart was completed before the merge landed: the guest lines go to whatever cart the user
            // has now, or the guest cart becomes the user's cart again.
            var userId = target.Owner.UserId!;
            var current = await _carts.FindActiveByUserAsync(userId, cancellationToken).ConfigureAwait(false);
            var redirected = current is null
                ? guest with { Status = CartStatus.Active, MergedIntoCartId = null, Owner = guest.Owner with { UserId = userId } }
                : guest with { MergedIntoCartId = current.Id };
            var written = await WriteAsync(guest, redirected, cancellationToken).ConfigureAwait(false);
            if (written is null || written.Status == CartStatus.Active)
            {
                return written;
            }

            guest = written;
        }

        Log.AttemptsExhausted(_logger, "merge", _options.MaxWriteAttempts);
        return null;
    }

    // One compare-and-swap of a cart under this process's write lock; null when another writer won.
    private async ValueTask<Cart?> WriteAsync(Cart current, Cart draft, CancellationToken cancellationToken)
    {
        using (await _locks.AcquireAsync(current.Id, cancellationToken).ConfigureAwait(false))
        {
            var next = await _revision.NextAsync(current, draft, cancellationToken).ConfigureAwait(false);
            var result = await _carts.ReplaceAsync(next, current.Version, cancellationToken).ConfigureAwait(false);
            return result == CartWriteResult.Written ? next : null;
        }
    }
}
