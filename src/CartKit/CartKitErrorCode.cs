namespace CartKit;

/// <summary>
/// The expected ways a cart or checkout operation can be refused. Each code is a stable contract: the HTTP layer
/// maps every code to one status and one problem type.
/// </summary>
public enum CartKitErrorCode
{
    /// <summary>
    /// No reason was given: the error of a <see cref="CartKitResult{T}"/> that was never set (its default value), which
    /// is a bug in the code that returned it. The HTTP layer still answers it as a refusal, never as a server error.
    /// </summary>
    Unspecified = 0,

    /// <summary>The request is malformed (a field is missing, out of range or badly formatted).</summary>
    Validation,

    /// <summary>The session id is unknown, malformed or expired, or the cart is not visible to the caller.</summary>
    SessionNotFound,

    /// <summary>The cart has no line with the given item id.</summary>
    ItemNotFound,

    /// <summary>The order id is unknown or malformed, or the order is not visible to the caller.</summary>
    OrderNotFound,

    /// <summary>The catalog does not know the sku.</summary>
    ProductNotFound,

    /// <summary>The catalog knows the sku but it cannot be sold now.</summary>
    ProductUnavailable,

    /// <summary>The product is priced in a currency other than the cart's.</summary>
    CurrencyMismatch,

    /// <summary>The line would exceed the maximum quantity per line.</summary>
    QuantityLimitExceeded,

    /// <summary>The cart would exceed the maximum number of distinct lines.</summary>
    LineLimitExceeded,

    /// <summary>The caller's expected version is not the cart's current version.</summary>
    VersionMismatch,

    /// <summary>Concurrent writers kept winning; the operation may be retried.</summary>
    ConcurrencyConflict,

    /// <summary>The cart was completed by a paid order and can no longer change or be checked out.</summary>
    CartCompleted,

    /// <summary>An empty cart cannot be checked out.</summary>
    CartEmpty,

    /// <summary>The order was superseded and cannot be paid.</summary>
    OrderSuperseded,

    /// <summary>The order was already paid with a different payment reference.</summary>
    OrderAlreadyPaid,

    /// <summary>The idempotency key was first used for another cart.</summary>
    IdempotencyKeyReused,

    /// <summary>A request with the same idempotency key is still being processed.</summary>
    IdempotencyKeyInProgress,

    /// <summary>
    /// Checkout found catalog prices that changed (or products no longer available) since the cart was priced. The
    /// cart was re-priced to a new version, with unavailable lines removed; <see cref="CartKitError.PriceChanges"/>
    /// lists each change. Checking out again creates the order at the new prices.
    /// </summary>
    PriceChanged,

    /// <summary>The order was not paid before it expired; it cannot be paid or cancelled. Check out the cart again.</summary>
    OrderExpired,

    /// <summary>The order was cancelled; it cannot be paid.</summary>
    OrderCancelled,

    /// <summary>The order is paid (or its payment is in conflict) and can no longer be cancelled.</summary>
    OrderNotCancellable,

    /// <summary>The payment's amount or currency is not the order's total; the order stays unpaid.</summary>
    PaymentMismatch,

    /// <summary>
    /// A payment arrived for an order that can no longer be fulfilled (superseded, expired, cancelled, or another
    /// order of its cart was paid). It was recorded on the order as <see cref="Domain.OrderStatus.PaymentConflict"/>
    /// for a person to refund; nothing ships.
    /// </summary>
    PaymentConflict,

    /// <summary>
    /// A discount code of the checkout details is unknown or does not apply to the cart: no registered pricing step
    /// accepted it. It is not kept.
    /// </summary>
    DiscountCodeRefused,

    /// <summary>The shipping method of the checkout details is unknown or not available for the cart. It is not kept.</summary>
    ShippingMethodRefused,

    /// <summary>
    /// Checkout needs more units of some products than the inventory has available; <see cref="CartKitError.StockShortages"/>
    /// lists each. No order was created and nothing stays reserved; the cart is unchanged.
    /// </summary>
    InsufficientStock,
}
