using CartKit.Catalog;
using CartKit.Checkout;
using CartKit.Domain;

namespace CartKit.Carts;

// Every refusal the engines return, written once so codes, messages and targets stay consistent.
// Messages never include session ids: they end up in logs and problem details.
internal static class CartErrors
{
    public static readonly CartKitError SessionNotFound =
        new(CartKitErrorCode.SessionNotFound, "The cart session does not exist or has expired.", "sessionId");

    public static readonly CartKitError ItemNotFound =
        new(CartKitErrorCode.ItemNotFound, "The cart has no line with this item id.", "itemId");

    public static readonly CartKitError OrderNotFound =
        new(CartKitErrorCode.OrderNotFound, "The order does not exist.", "orderId");

    public static readonly CartKitError CartCompleted =
        new(CartKitErrorCode.CartCompleted, "The cart was completed by a paid order and can no longer change. Start a new cart.");

    public static readonly CartKitError CartEmpty =
        new(CartKitErrorCode.CartEmpty, "An empty cart cannot be checked out.");

    public static readonly CartKitError ConcurrencyConflict =
        new(CartKitErrorCode.ConcurrencyConflict, "The cart kept changing concurrently; retry the request.");

    public static readonly CartKitError VersionMismatch =
        new(CartKitErrorCode.VersionMismatch, "The cart is no longer at the expected version; read it again.", "If-Match");

    public static readonly CartKitError OrderSuperseded =
        new(CartKitErrorCode.OrderSuperseded, "The order was superseded (the cart changed and was checked out again, or another order was paid) and cannot be paid.");

    public static readonly CartKitError OrderAlreadyPaid =
        new(CartKitErrorCode.OrderAlreadyPaid, "The order was already paid with a different payment reference.", "paymentReference");

    public static readonly CartKitError IdempotencyKeyReused =
        new(CartKitErrorCode.IdempotencyKeyReused, "This idempotency key was already used for another cart.", "Idempotency-Key");

    public static readonly CartKitError IdempotencyKeyInProgress =
        new(CartKitErrorCode.IdempotencyKeyInProgress, "A request with this idempotency key is still being processed; retry later.", "Idempotency-Key");

    public static readonly CartKitError OrderExpired =
        new(CartKitErrorCode.OrderExpired, "The order was not paid in time and has expired. Check out the cart again.");

    public static readonly CartKitError OrderCancelled =
        new(CartKitErrorCode.OrderCancelled, "The order was cancelled.");

    public static readonly CartKitError OrderNotCancellable =
        new(CartKitErrorCode.OrderNotCancellable, "The order is paid and can no longer be cancelled.");

    public static CartKitError PaymentMismatch(Money expected, Money paid) =>
        new(CartKitErrorCode.PaymentMismatch, $"The payment of {paid} does not match the order total of {expected}; the order stays unpaid.", "amount");

    public static CartKitError PaymentConflict(OrderStatus was) =>
        new(
            CartKitErrorCode.PaymentConflict,
            $"The order can no longer be fulfilled ({PaymentConflicts.Reason(was)}); the payment was recorded on it as a conflict to refund.");

    public static CartKitError PriceChanged(IReadOnlyList<PriceChange> changes) =>
        new(CartKitErrorCode.PriceChanged, "Prices changed since the cart was priced; the cart was updated. Review it and check out again.") { PriceChanges = changes };

    public static CartKitError InsufficientStock(IReadOnlyList<Inventory.StockShortage> shortages) =>
        new(CartKitErrorCode.InsufficientStock, "Some products do not have enough stock for this cart; nothing was reserved.") { StockShortages = shortages };

    public static CartKitError Validation(string target, string message) => new(CartKitErrorCode.Validation, message, target);

    public static CartKitError InvalidSku() =>
        Validation("sku", $"The sku must be 1 to {Sku.MaxLength} letters, digits, '-', '_' or '.'.");

    public static CartKitError ProductNotFound(string sku) =>
        new(CartKitErrorCode.ProductNotFound, $"The catalog has no product '{sku}'.", "sku");

    public static CartKitError ProductUnavailable(string sku) =>
        new(CartKitErrorCode.ProductUnavailable, $"Product '{sku}' is not available.", "sku");

    public static CartKitError CurrencyMismatch(string sku, string productCurrency, string cartCurrency) =>
        new(CartKitErrorCode.CurrencyMismatch, $"Product '{sku}' is priced in {productCurrency}; this cart is in {cartCurrency}.", "sku");

    public static CartKitError QuantityLimitExceeded(int max) =>
        new(CartKitErrorCode.QuantityLimitExceeded, $"A line can hold at most {max} units.", "quantity");

    public static CartKitError LineLimitExceeded(int max) =>
        new(CartKitErrorCode.LineLimitExceeded, $"A cart can hold at most {max} distinct lines.", "sku");

    // Checkout details the pricing refused. The codes and the method were validated as plain tokens before, so echoing
    // them is safe.
    public static CartKitError DiscountCodesRefused(IReadOnlyList<string> codes, bool emptyCart)
    {
        var named = string.Join(", ", codes.Select(c => $"'{c}'"));
        var message = emptyCart
            ? $"The discount {(codes.Count == 1 ? "code" : "codes")} {named} cannot apply to an empty cart; add items first."
            : codes.Count == 1
                ? $"The discount code {named} is unknown or does not apply to this cart."
                : $"The discount codes {named} are unknown or do not apply to this cart.";
        return new(CartKitErrorCode.DiscountCodeRefused, message, "discountCodes");
    }

    public static CartKitError ShippingMethodRefused(string method, bool emptyCart) =>
        new(
            CartKitErrorCode.ShippingMethodRefused,
            emptyCart
                ? $"The shipping method '{method}' cannot be chosen for an empty cart; add items first."
                : $"The shipping method '{method}' is unknown or not available for this cart.",
            "shippingMethod");

}
