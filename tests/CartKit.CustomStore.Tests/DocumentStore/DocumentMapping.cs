using System.Text.Json;
using CartKit.Domain;

namespace CartKit.CustomStore.Tests.DocumentStore;

// Between CartKit's snapshots and the store's documents. Every read deserializes afresh, so nothing a caller holds
// can alias what is stored.
internal static class DocumentMapping
{
    public static string Write(Cart cart) => JsonSerializer.Serialize(
        new CartDocument(
            cart.Id,
            cart.Owner.SessionId,
            cart.Owner.UserId,
            cart.Status,
            cart.Currency.Code,
            [.. cart.Lines.Select(ToDocument)],
            [.. cart.Adjustments.Select(ToDocument)],
            cart.Version,
            cart.CreatedAt,
            cart.UpdatedAt,
            cart.LastActivityAt,
            cart.MergedIntoCartId,
            [.. cart.MergedCartIds],
            cart.CompletedByOrderId,
            cart.RemainderCartId,
            cart.Warnings.Count == 0 ? null : [.. cart.Warnings.Select(w => new WarningDocument(w.Code, w.Sku, w.ItemId, w.RequestedQuantity, w.KeptQuantity, w.Message))],
            ToDocument(cart.Details)),
        DocumentJsonContext.Default.CartDocument);

    public static CartDocument ReadCartDocument(string json) =>
        JsonSerializer.Deserialize(json, DocumentJsonContext.Default.CartDocument)
        ?? throw new JsonException("A cart document is null.");

    public static Cart ToCart(CartDocument document)
    {
        var currency = Currency.FromCode(document.Currency);
        return new Cart
        {
            Id = document.Id,
            Owner = new CartOwner(document.SessionId, document.UserId),
            Status = document.Status,
            Currency = currency,
            Lines = [.. document.Lines.Select(l => ToLine(l, currency))],
            Adjustments = [.. document.Adjustments.Select(a => new AdjustmentLine(a.Name, new Money(a.Amount, currency)))],
            Version = document.Version,
            CreatedAt = document.CreatedAt,
            UpdatedAt = document.UpdatedAt,
            LastActivityAt = document.LastActivityAt,
            MergedIntoCartId = document.MergedIntoCartId,
            MergedCartIds = document.MergedCartIds,
            CompletedByOrderId = document.CompletedByOrderId,
            RemainderCartId = document.RemainderCartId,
            Warnings = document.Warnings is null ? [] : [.. document.Warnings.Select(w => new CartWarning(w.Code, w.Sku, w.ItemId, w.RequestedQuantity, w.KeptQuantity, w.Message))],
            Details = ToDetails(document.Details),
        };
    }

    public static string Write(Order order) => Write(ToDocument(order));

    public static string Write(OrderDocument document) => JsonSerializer.Serialize(document, DocumentJsonContext.Default.OrderDocument);

    public static OrderDocument ToDocument(Order order) => new(
        order.Id,
        order.CartId,
        order.CartVersion,
        order.Owner.SessionId,
        order.Owner.UserId,
        order.Status,
        order.Currency.Code,
        [.. order.Lines.Select(ToDocument)],
        [.. order.Adjustments.Select(ToDocument)],
        order.CreatedAt,
        order.ExpiresAt,
        order.PaidAt,
        order.PaymentReference,
        order.ClosedAt,
        ToDocument(order.Details));

    public static OrderDocument ReadOrderDocument(string json) =>
        JsonSerializer.Deserialize(json, DocumentJsonContext.Default.OrderDocument)
        ?? throw new JsonException("An order document is null.");

    public static Order ToOrder(OrderDocument document)
    {
        var currency = Currency.FromCode(document.Currency);
        return new Order
        {
            Id = document.Id,
            CartId = document.CartId,
            CartVersion = document.CartVersion,
            Owner = new CartOwner(document.SessionId, document.UserId),
            Status = document.Status,
            Currency = currency,
            Lines = [.. document.Lines.Select(l => ToLine(l, currency))],
            Adjustments = [.. document.Adjustments.Select(a => new AdjustmentLine(a.Name, new Money(a.Amount, currency)))],
            CreatedAt = document.CreatedAt,
            ExpiresAt = document.ExpiresAt,
            PaidAt = document.PaidAt,
            PaymentReference = document.PaymentReference,
            ClosedAt = document.ClosedAt,
            Details = ToDetails(document.Details),
        };
    }

    public static string Write(IdempotencyKeyDocument document) =>
        JsonSerializer.Serialize(document, DocumentJsonContext.Default.IdempotencyKeyDocument);

    public static IdempotencyKeyDocument ReadKeyDocument(string json) =>
        JsonSerializer.Deserialize(json, DocumentJsonContext.Default.IdempotencyKeyDocument)
        ?? throw new JsonException("An idempotency key document is null.");

    private static LineDocument ToDocument(LineItem line) => new(line.ItemId, line.Sku, line.Name, line.UnitPrice.Amount, line.Quantity);

    private static AdjustmentDocument ToDocument(AdjustmentLine adjustment) => new(adjustment.Name, adjustment.Amount.Amount);

    private static DetailsDocument? ToDocument(CheckoutDetails details) => details.IsEmpty
        ? null
        : new(details.Email, ToDocument(details.ShippingAddress), ToDocument(details.BillingAddress), details.ShippingMethod, [.. details.DiscountCodes]);

    private static AddressDocument? ToDocument(PostalAddress? a) =>
        a is null ? null : new(a.Name, a.Line1, a.Line2, a.City, a.PostalCode, a.Region, a.Country);

    private static CheckoutDetails ToDetails(DetailsDocument? d) => d is null
        ? CheckoutDetails.None
        : new()
        {
            Email = d.Email,
            ShippingAddress = ToAddress(d.ShippingAddress),
            BillingAddress = ToAddress(d.BillingAddress),
            ShippingMethod = d.ShippingMethod,
            DiscountCodes = d.DiscountCodes,
        };

    private static PostalAddress? ToAddress(AddressDocument? a) => a is null
        ? null
        : new() { Name = a.Name, Line1 = a.Line1, Line2 = a.Line2, City = a.City, PostalCode = a.PostalCode, Region = a.Region, Country = a.Country };

    private static LineItem ToLine(LineDocument line, Currency currency) =>
        new(line.ItemId, line.Sku, line.Name, new Money(line.UnitPrice, currency), line.Quantity);
}
