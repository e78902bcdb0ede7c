namespace CartKit.AspNetCore;

/// <summary>
/// The stable <c>type</c> values of CartKit's problem details (RFC 9457) responses: one per kind of error, so clients
/// can branch on them. They are URNs, not links; docs/http-api.md describes each.
/// </summary>
public static class CartKitProblemTypes
{
    /// <summary>The prefix every CartKit problem type starts with.</summary>
    public const string Prefix = "urn:cartkit:problem:";

    /// <summary>
    /// 422: the request was refused for a reason this version of the HTTP layer has no specific type for (an error code
    /// without a mapping, or a result that was never set); <c>detail</c> says why.
    /// </summary>
    public const string Refused = Prefix + "refused";

    /// <summary>400: the request is malformed; <c>errors</c> lists the offending fields.</summary>
    public const string Validation = Prefix + "validation";

    /// <summary>404: the session is unknown, malformed or expired, or the cart is not visible to the caller.</summary>
    public const string SessionNotFound = Prefix + "session-not-found";

    /// <summary>404: the cart has no such line.</summary>
    public const string ItemNotFound = Prefix + "item-not-found";

    /// <summary>404: the order is unknown or not visible to the caller.</summary>
    public const string OrderNotFound = Prefix + "order-not-found";

    /// <summary>422: the catalog does not know the sku.</summary>
    public const string ProductNotFound = Prefix + "product-not-found";

    /// <summary>422: the product cannot be sold now.</summary>
    public const string ProductUnavailable = Prefix + "product-unavailable";

    /// <summary>422: the product is priced in another currency than the cart.</summary>
    public const string CurrencyMismatch = Prefix + "currency-mismatch";

    /// <summary>422: the line would exceed the maximum quantity.</summary>
    public const string QuantityLimitExceeded = Prefix + "quantity-limit-exceeded";

    /// <summary>422: the cart would exceed the maximum number of lines.</summary>
    public const string LineLimitExceeded = Prefix + "line-limit-exceeded";

    /// <summary>412: <c>If-Match</c> named a version the cart is no longer at.</summary>
    public const string VersionMismatch = Prefix + "version-mismatch";

    /// <summary>409: concurrent writers kept winning; retry.</summary>
    public const string ConcurrencyConflict = Prefix + "concurrency-conflict";

    /// <summary>409: the cart was completed by a paid order.</summary>
    public const string CartCompleted = Prefix + "cart-completed";

    /// <summary>422: an empty cart cannot be checked out.</summary>
    public const string CartEmpty = Prefix + "cart-empty";

    /// <summary>409: the order was superseded and cannot be paid.</summary>
    public const string OrderSuperseded = Prefix + "order-superseded";

    /// <summary>409: the order was already paid with a different reference.</summary>
    public const string OrderAlreadyPaid = Prefix + "order-already-paid";

    /// <summary>422: the idempotency key was first used for another cart.</summary>
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";

    /// <summary>409: a request with the same idempotency key is still running.</summary>
    public const string IdempotencyKeyInProgress = Prefix + "idempotency-key-in-progress";

    /// <summary>
    /// 409: checkout found changed prices or unavailable products; the cart was re-priced. The problem's
    /// <c>priceChanges</c> lists each line (<c>itemId</c>, <c>sku</c>, <c>previousUnitPrice</c>, <c>unitPrice</c>,
    /// <c>available</c>); check out again to accept them.
    /// </summary>
    public const string PriceChanged = Prefix + "price-changed";

    /// <summary>
    /// 409: the inventory has too few units for the cart; no order was created and nothing is reserved. The problem's
    /// <c>stockShortages</c> lists each short sku (<c>sku</c>, <c>requested</c>, <c>available</c>).
    /// </summary>
    public const string InsufficientStock = Prefix + "insufficient-stock";

    /// <summary>409: the order was not paid in time; check out the cart again.</summary>
    public const string OrderExpired = Prefix + "order-expired";

    /// <summary>409: the order was cancelled.</summary>
    public const string OrderCancelled = Prefix + "order-cancelled";

    /// <summary>409: the order is paid and can no longer be cancelled.</summary>
    public const string OrderNotCancellable = Prefix + "order-not-cancellable";

    /// <summary>422: the payment's amount or currency is not the order's total; the order stays unpaid.</summary>
    public const string PaymentMismatch = Prefix + "payment-mismatch";

    /// <summary>
    /// 409: the order can no longer be fulfilled (superseded, expired, cancelled, or another order of its cart paid);
    /// the payment was recorded on it (status <c>paymentConflict</c>) for a refund.
    /// </summary>
    public const string PaymentConflict = Prefix + "payment-conflict";

    /// <summary>
    /// 422: a discount code is unknown or does not apply to the cart (no pricing step accepted it); it is not kept.
    /// <c>detail</c> names the code, <c>errors</c> the field (<c>discountCodes</c>).
    /// </summary>
    public const string DiscountCodeRefused = Prefix + "discount-code-refused";

    /// <summary>
    /// 422: the shipping method is unknown or not available for the cart; it is not kept. <c>detail</c> names the
    /// method, <c>errors</c> the field (<c>shippingMethod</c>).
    /// </summary>
    public const string ShippingMethodRefused = Prefix + "shipping-method-refused";

    /// <summary>413: the request body is larger than CartKit accepts.</summary>
    public const string PayloadTooLarge = Prefix + "payload-too-large";

    /// <summary>415: the request body is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";

    /// <summary>503: the cart store is unavailable; retry after <c>Retry-After</c> seconds.</summary>
    public const string StoreUnavailable = Prefix + "store-unavailable";
}
