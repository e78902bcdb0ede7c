using System.Globalization;
using System.Text.Json;
using CartKit.AspNetCore.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartKit.AspNetCore.Http;

// Every CartKit error becomes exactly one status and one stable problem type (RFC 9457, application/problem+json). A code
// without a mapping (a newer core, or an unset result) is still a refusal the client can read, never a 500.
internal static class CartKitProblems
{
    public static IResult From(CartKitError error)
    {
        if (error.Code == CartKitErrorCode.Validation)
        {
            return Validation(error.Target ?? "request", error.Message);
        }

        var (status, type, title) = Describe(error.Code);
        if (error.PriceChanges.Count > 0)
        {
            // Serialized here with CartKit's own metadata, so the host's JSON options need not know the type.
            var changes = JsonSerializer.SerializeToElement(error.PriceChanges.ToResponse(), CartKitJsonContext.Default.PriceChangeResponseArray);
            return TypedResults.Problem(
                detail: error.Message,
                statusCode: status,
                title: title,
                type: type,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["priceChanges"] = changes });
        }

        if (error.StockShortages.Count > 0)
        {
            var shortages = JsonSerializer.SerializeToElement(error.StockShortages.ToResponse(), CartKitJsonContext.Default.StockShortageResponseArray);
            return TypedResults.Problem(
                detail: error.Message,
                statusCode: status,
                title: title,
                type: type,
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["stockShortages"] = shortages });
        }

        return error.Code is CartKitErrorCode.DiscountCodeRefused or CartKitErrorCode.ShippingMethodRefused
            ? RefusedField(status, type, title, error)
            : Problem(status, type, title, error.Message);
    }

    // A well-formed value the host's rules refused: a 422 of its own type that also names the field in `errors`, as a
    // validation problem does, so a form can show the message next to the field.
    private static ProblemHttpResult RefusedField(int status, string type, string title, CartKitError error) =>
        TypedResults.Problem(new HttpValidationProblemDetails(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [error.Target ?? "request"] = [error.Message] })
        {
            Status = status,
            Type = type,
            Title = title,
            Detail = error.Message,
        });

    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] },
            detail: "The request is not valid; see errors.",
            title: "Invalid request",
            type: CartKitProblemTypes.Validation);

    public static ProblemHttpResult PayloadTooLarge(int limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, CartKitProblemTypes.PayloadTooLarge, "Request body too large", $"The body must be at most {limit} bytes.");

    public static ProblemHttpResult UnsupportedMediaType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, CartKitProblemTypes.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");

    public static ProblemHttpResult StoreUnavailable(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, CartKitProblemTypes.StoreUnavailable, "Cart store unavailable", "The cart store is unavailable; retry after the time in Retry-After.");
    }

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);

    private static (int Status, string Type, string Title) Describe(CartKitErrorCode code) => code switch
    {
        CartKitErrorCode.SessionNotFound => (404, CartKitProblemTypes.SessionNotFound, "Session not found"),
        CartKitErrorCode.ItemNotFound => (404, CartKitProblemTypes.ItemNotFound, "Item not found"),
        CartKitErrorCode.OrderNotFound => (404, CartKitProblemTypes.OrderNotFound, "Order not found"),
        CartKitErrorCode.ProductNotFound => (422, CartKitProblemTypes.ProductNotFound, "Unknown product"),
        CartKitErrorCode.ProductUnavailable => (422, CartKitProblemTypes.ProductUnavailable, "Product unavailable"),
        CartKitErrorCode.CurrencyMismatch => (422, CartKitProblemTypes.CurrencyMismatch, "Currency mismatch"),
        CartKitErrorCode.QuantityLimitExceeded => (422, CartKitProblemTypes.QuantityLimitExceeded, "Quantity limit exceeded"),
        CartKitErrorCode.LineLimitExceeded => (422, CartKitProblemTypes.LineLimitExceeded, "Line limit exceeded"),
        CartKitErrorCode.VersionMismatch => (412, CartKitProblemTypes.VersionMismatch, "Cart version changed"),
        CartKitErrorCode.ConcurrencyConflict => (409, CartKitProblemTypes.ConcurrencyConflict, "Concurrent update"),
        CartKitErrorCode.CartCompleted => (409, CartKitProblemTypes.CartCompleted, "Cart completed"),
        CartKitErrorCode.CartEmpty => (422, CartKitProblemTypes.CartEmpty, "Cart empty"),
        CartKitErrorCode.OrderSuperseded => (409, CartKitProblemTypes.OrderSuperseded, "Order superseded"),
        CartKitErrorCode.OrderAlreadyPaid => (409, CartKitProblemTypes.OrderAlreadyPaid, "Order already paid"),
        CartKitErrorCode.IdempotencyKeyReused => (422, CartKitProblemTypes.IdempotencyKeyReused, "Idempotency key reused"),
        CartKitErrorCode.IdempotencyKeyInProgress => (409, CartKitProblemTypes.IdempotencyKeyInProgress, "Request in progress"),
        CartKitErrorCode.PriceChanged => (409, CartKitProblemTypes.PriceChanged, "Prices changed"),
        CartKitErrorCode.InsufficientStock => (409, CartKitProblemTypes.InsufficientStock, "Insufficient stock"),
        CartKitErrorCode.OrderExpired => (409, CartKitProblemTypes.OrderExpired, "Order expired"),
        CartKitErrorCode.OrderCancelled => (409, CartKitProblemTypes.OrderCancelled, "Order cancelled"),
        CartKitErrorCode.OrderNotCancellable => (409, CartKitProblemTypes.OrderNotCancellable, "Order not cancellable"),
        CartKitErrorCode.PaymentMismatch => (422, CartKitProblemTypes.PaymentMismatch, "Payment does not match the order"),
        CartKitErrorCode.PaymentConflict => (409, CartKitProblemTypes.PaymentConflict, "Payment conflict"),
        CartKitErrorCode.DiscountCodeRefused => (422, CartKitProblemTypes.DiscountCodeRefused, "Discount code refused"),
        CartKitErrorCode.ShippingMethodRefused => (422, CartKitProblemTypes.ShippingMethodRefused, "Shipping method refused"),
        _ => (422, CartKitProblemTypes.Refused, "Request refused"),
    };
}
