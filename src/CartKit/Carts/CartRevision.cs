using CartKit.Domain;
using CartKit.Internal;
using CartKit.Pricing;

namespace CartKit.Carts;

// Turns a draft into the next stored snapshot: adjustments recomputed for the new lines, version + 1, timestamps.
// Every cart write goes through here, so no path can forget to bump the version or reprice.
internal sealed class CartRevision(CartPricer pricer, TimeProvider time)
{
    public async ValueTask<Cart> NextAsync(Cart current, Cart draft, CancellationToken cancellationToken)
    {
        var adjustments = ReferenceEquals(current.Lines, draft.Lines) && ReferenceEquals(current.Currency, draft.Currency)
            ? draft.Adjustments
            : await pricer.PriceAsync(draft.Currency, draft.Lines, cancellationToken).ConfigureAwait(false);
        var now = StoredTime.Now(time);
        return draft with
        {
            Adjustments = adjustments,
            Version = current.Version + 1,
            UpdatedAt = now,
            LastActivityAt = now,
        };
    }
}
