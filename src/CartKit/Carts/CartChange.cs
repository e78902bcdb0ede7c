using CartKit.Domain;

namespace CartKit.Carts;

// What a write's decide function wants done with the cart it was shown: the fresh copy from the source of truth,
// read under the write lock, or null when there is no such cart. Decide functions are pure, so the writer can run
// them again on every attempt.
internal readonly struct CartChange
{
    private CartChange(CartChangeKind kind, Cart? draft, CartKitError? error, CheckoutDetails? mustApply = null)
    {
        Kind = kind;
        Draft = draft;
        Error = error;
        MustApply = mustApply;
    }

    public CartChangeKind Kind { get; }

    public Cart? Draft { get; }

    public CartKitError? Error { get; }

    // The discount codes and shipping method the pricing of the draft must accept, or the write is refused instead.
    public CheckoutDetails? MustApply { get; }

    // Nothing to write: the cart as it is is the answer (an edit that changes nothing, a merge already applied).
    public static CartChange Keep => new(CartChangeKind.Keep, null, null);

    // Nothing to write, and the cart as it is goes back to the caller to act on (a redirect, someone else's change).
    public static CartChange Stop => new(CartChangeKind.Stop, null, null);

    // A draft of the next snapshot; the writer adds the adjustments, the version and the timestamps.
    public static CartChange Write(Cart draft) => new(CartChangeKind.Write, draft, null);

    // A draft whose checkout details name codes or a method the shopper just gave: written only if pricing accepts them.
    public static CartChange Write(Cart draft, CheckoutDetails? mustApply) => new(CartChangeKind.Write, draft, null, mustApply);

    public static CartChange Refuse(CartKitError error) => new(CartChangeKind.Refuse, null, error);
}

// Zero is no decision, so a default(CartChange) is a bug the writer reports instead of a silent success.
internal enum CartChangeKind
{
    Unspecified = 0,
    Write,
    Keep,
    Refuse,
    Stop,
}
