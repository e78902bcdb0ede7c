using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.MongoDB.Documents;

// Domain records to documents and back. Money is stored as minor units with the currency code once per cart or
// order; times as UTC BSON dates (CartKit truncates them to milliseconds before they get here).
internal static class MongoDocumentMapper
{
    public static CartDocument ToDocument(Cart cart) => new()
    {
        Id = cart.Id,
        SchemaVersion = cart.Details.IsEmpty ? CartDocument.SchemaVersionWithoutDetails : CartDocument.CurrentSchemaVersion,
        Version = cart.Version,
        Status = cart.Status,
        SessionId = cart.Owner.SessionId,
        UserId = cart.Owner.UserId,
        Currency = cart.Currency.Code,
        Lines = ToDocuments(cart.Lines, cart.Currency),
        Adjustments = ToDocuments(cart.Adjustments, cart.Currency),
        CreatedAt = cart.CreatedAt.UtcDateTime,
        UpdatedAt = cart.UpdatedAt.UtcDateTime,
        LastActivityAt = cart.LastActivityAt.UtcDateTime,
        MergedIntoCartId = cart.MergedIntoCartId,
        MergedCartIds = [.. cart.MergedCartIds],
        CompletedByOrderId = cart.CompletedByOrderId,
        RemainderCartId = cart.RemainderCartId,
        Warnings = ToDocuments(cart.Warnings),
        Details = ToDocument(cart.Details),
    };

    public static Cart ToCart(CartDocument document)
    {
        EnsureSchema("cart", document.Id, document.SchemaVersion, CartDocument.SchemaVersionWithoutDetails, CartDocument.CurrentSchemaVersion);
        var currency = Currency.FromCode(document.Currency);
        return new Cart
        {
            Id = document.Id,
            Owner = new CartOwner(document.SessionId, document.UserId),
            Status = document.Status,
            Currency = currency,
            Lines = ToLines(document.Lines, currency),
            Adjustments = ToAdjustments(document.Adjustments, currency),
            Version = document.Version,
            CreatedAt = Utc(document.CreatedAt),
            UpdatedAt = Utc(document.UpdatedAt),
            LastActivityAt = Utc(document.LastActivityAt),
            MergedIntoCartId = document.MergedIntoCartId,
            MergedCartIds = [.. document.MergedCartIds],
            CompletedByOrderId = document.CompletedByOrderId,
            RemainderCartId = document.RemainderCartId,
            Warnings = ToWarnings(document.Warnings),
            Details = ToDetails(document.Details),
        };
    }

    public static OrderDocument ToDocument(Order order) => new()
    {
        Id = order.Id,
        SchemaVersion = OrderDocument.CurrentSchemaVersion,
        CartId = order.CartId,
        CartVersion = order.CartVersion,
        Status = order.Status,
        SessionId = order.Owner.SessionId,
        UserId = order.Owner.UserId,
        Currency = order.Currency.Code,
        Lines = ToDocuments(order.Lines, order.Currency),
        Adjustments = ToDocuments(order.Adjustments, order.Currency),
        CreatedAt = order.CreatedAt.UtcDateTime,
        ExpiresAt = order.ExpiresAt == DateTimeOffset.MaxValue ? null : order.ExpiresAt.UtcDateTime,
        PaidAt = order.PaidAt?.UtcDateTime,
        PaymentReference = order.PaymentReference,
        ClosedAt = order.ClosedAt?.UtcDateTime,
        Details = ToDocument(order.Details),
    };

    public static Order ToOrder(OrderDocument document)
    {
        EnsureSchema("order", document.Id, document.SchemaVersion, OrderDocument.CurrentSchemaVersion, OrderDocument.CurrentSchemaVersion);
        var currency = Currency.FromCode(document.Currency);
        return new Order
        {
            Id = document.Id,
            CartId = document.CartId,
            CartVersion = document.CartVersion,
            Owner = new CartOwner(document.SessionId, document.UserId),
            Status = document.Status,
            Currency = currency,
            Lines = ToLines(document.Lines, currency),
            Adjustments = ToAdjustments(document.Adjustments, currency),
            CreatedAt = Utc(document.CreatedAt),
            ExpiresAt = document.ExpiresAt is { } expiresAt ? Utc(expiresAt) : DateTimeOffset.MaxValue,
            PaidAt = document.PaidAt is { } paidAt ? Utc(paidAt) : null,
            PaymentReference = document.PaymentReference,
            ClosedAt = document.ClosedAt is { } closedAt ? Utc(closedAt) : null,
            Details = ToDetails(document.Details),
        };
    }

    public static IdempotencyKeyDocument ToDocument(IdempotencyRecord record) => new()
    {
        Key = record.Key,
        SchemaVersion = IdempotencyKeyDocument.CurrentSchemaVersion,
        CartId = record.CartId,
        ClaimToken = record.ClaimToken,
        OrderId = record.OrderId,
        LeaseExpiresAt = record.LeaseExpiresAt.UtcDateTime,
        ExpiresAt = record.ExpiresAt.UtcDateTime,
    };

    public static IdempotencyRecord ToRecord(IdempotencyKeyDocument document)
    {
        EnsureSchema("idempotency key", document.Key, document.SchemaVersion, IdempotencyKeyDocument.CurrentSchemaVersion, IdempotencyKeyDocument.CurrentSchemaVersion);
        return new IdempotencyRecord(
            document.Key,
            document.CartId,
            document.ClaimToken,
            document.OrderId,
            Utc(document.LeaseExpiresAt),
            Utc(document.ExpiresAt));
    }

    private static List<LineDocument> ToDocuments(IReadOnlyList<LineItem> lines, Currency currency)
    {
        var documents = new List<LineDocument>(lines.Count);
        foreach (var line in lines)
        {
            EnsureCurrency(line.UnitPrice, currency);
            documents.Add(new LineDocument
            {
                ItemId = line.ItemId,
                Sku = line.Sku,
                Name = line.Name,
                UnitPrice = line.UnitPrice.Amount,
                Quantity = line.Quantity,
            });
        }

        return documents;
    }

    private static List<AdjustmentDocument> ToDocuments(IReadOnlyList<AdjustmentLine> adjustments, Currency currency)
    {
        var documents = new List<AdjustmentDocument>(adjustments.Count);
        foreach (var adjustment in adjustments)
        {
            EnsureCurrency(adjustment.Amount, currency);
            documents.Add(new AdjustmentDocument { Name = adjustment.Name, Amount = adjustment.Amount.Amount });
        }

        return documents;
    }

    private static LineItem[] ToLines(List<LineDocument> lines, Currency currency) =>
        [.. lines.Select(l => new LineItem(l.ItemId, l.Sku, l.Name, new Money(l.UnitPrice, currency), l.Quantity))];

    private static AdjustmentLine[] ToAdjustments(List<AdjustmentDocument> adjustments, Currency currency) =>
        [.. adjustments.Select(a => new AdjustmentLine(a.Name, new Money(a.Amount, currency)))];

    private static List<WarningDocument>? ToDocuments(IReadOnlyList<CartWarning> warnings) =>
        warnings.Count == 0
            ? null
            : [.. warnings.Select(w => new WarningDocument
            {
                Code = w.Code,
                Sku = w.Sku,
                ItemId = w.ItemId,
                RequestedQuantity = w.RequestedQuantity,
                KeptQuantity = w.KeptQuantity,
                Message = w.Message,
            })];

    private static CartWarning[] ToWarnings(List<WarningDocument>? warnings) =>
        warnings is null ? [] : [.. warnings.Select(w => new CartWarning(w.Code, w.Sku, w.ItemId, w.RequestedQuantity, w.KeptQuantity, w.Message))];

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);

    // The currency is stored once per cart or order, so an amount in another currency cannot be stored faithfully.
    private static void EnsureCurrency(Money amount, Currency currency)
    {
        if (!ReferenceEquals(amount.Currency, currency))
        {
            throw new ArgumentException($"An amount in {amount.Currency?.Code} cannot be stored in a {currency.Code} document.");
        }
    }

    // A newer CartKit may have changed the shape; reading (and later replacing) such a document would lose data.
    private static void EnsureSchema(string kind, string id, int schemaVersion, int oldest, int newest)
    {
        if (schemaVersion < oldest || schemaVersion > newest)
        {
            var supported = oldest == newest ? $"only version {newest}" : $"versions {oldest} to {newest}";
            throw new InvalidOperationException(
                $"The stored {kind} '{id}' has schema version {schemaVersion}; this version of CartKit reads {supported}. Upgrade CartKit or migrate the document.");
        }
    }

    // Checkout details: no subdocument at all when there are none.
    private static CheckoutDetailsDocument? ToDocument(CheckoutDetails details) => details.IsEmpty
        ? null
        : new CheckoutDetailsDocument
        {
            Email = details.Email,
            ShippingAddress = ToDocument(details.ShippingAddress),
            BillingAddress = ToDocument(details.BillingAddress),
            ShippingMethod = details.ShippingMethod,
            DiscountCodes = [.. details.DiscountCodes],
        };

    private static AddressDocument? ToDocument(PostalAddress? address) => address is null
        ? null
        : new AddressDocument
        {
            Name = address.Name,
            Line1 = address.Line1,
            Line2 = address.Line2,
            City = address.City,
            PostalCode = address.PostalCode,
            Region = address.Region,
            Country = address.Country,
        };

    private static CheckoutDetails ToDetails(CheckoutDetailsDocument? document) => document is null
        ? CheckoutDetails.None
        : new CheckoutDetails
        {
            Email = document.Email,
            ShippingAddress = ToAddress(document.ShippingAddress),
            BillingAddress = ToAddress(document.BillingAddress),
            ShippingMethod = document.ShippingMethod,
            DiscountCodes = [.. document.DiscountCodes],
        };

    private static PostalAddress? ToAddress(AddressDocument? document) => document is null
        ? null
        : new PostalAddress
        {
            Name = document.Name,
            Line1 = document.Line1,
            Line2 = document.Line2,
            City = document.City,
            PostalCode = document.PostalCode,
            Region = document.Region,
            Country = document.Country,
        };
}
