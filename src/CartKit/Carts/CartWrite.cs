using CartKit.Domain;

namespace CartKit.Carts;

// How a write through CartWriter ended, with the cart that goes with it: the stored snapshot when Written, the fresh
// cart the decision was made on for Unchanged, Refused and Stopped (null when there is none), the cart as read when
// the store refused it as the user's second active cart, and nothing when the attempts ran out.
internal readonly struct CartWrite
{
    private CartWrite(CartWriteOutcome outcome, Cart? cart, CartKitError? error)
    {
        Outcome = outcome;
        Cart = cart;
        Error = error;
    }

    public CartWriteOutcome Outcome { get; }

    public Cart? Cart { get; }

    public CartKitError? Error { get; }

    public static CartWrite Exhausted => new(CartWriteOutcome.Exhausted, null, null);

    public static CartWrite Written(Cart stored) => new(CartWriteOutcome.Written, stored, null);

    public static CartWrite UserHasActiveCart(Cart current) => new(CartWriteOutcome.UserHasActiveCart, current, null);

    public static CartWrite NotWritten(CartChange change, Cart? current) => change.Kind switch
    {
        CartChangeKind.Keep => new(CartWriteOutcome.Unchanged, current, null),
        CartChangeKind.Refuse => new(CartWriteOutcome.Refused, current, change.Error),
        CartChangeKind.Stop => new(CartWriteOutcome.Stopped, current, null),
        _ => throw new InvalidOperationException($"A cart write's decide function returned no decision ({change.Kind})."),
    };
}

internal enum CartWriteOutcome
{
    Exhausted = 0,
    Written,
    Unchanged,
    Refused,
    Stopped,
    UserHasActiveCart,
}
