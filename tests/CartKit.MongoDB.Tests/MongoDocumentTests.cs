using CartKit.Domain;
using CartKit.Inventory;
using CartKit.MongoDB.Documents;
using CartKit.MongoDB.Stores;
using CartKit.Storage;
using CartKit.Testing;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using Snapshooter.Xunit;

namespace CartKit.MongoDB.Tests;

/// <summary>
/// Every document type through BSON and back, offline: what is read must equal what was written, field by field,
/// and the stored shape is the approved one (docs/mongodb.md shows the same documents).
/// </summary>
public sealed class MongoDocumentTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 8, 55, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Changed = new(2026, 11, 24, 9, 2, 41, 387, TimeSpan.Zero);

    public static TheoryData<CartStatus, string, string?> CartCases() => new()
    {
        { CartStatus.Active, "BHD", null },
        { CartStatus.Active, "JPY", "user-ü-1" },
        { CartStatus.Completed, "USD", "user-2" },
        { CartStatus.Merged, "BHD", null },
    };

    [Theory]
    [MemberData(nameof(CartCases))]
    public void Carts_RoundTripEveryField(CartStatus status, string currencyCode, string? userId)
    {
        var currency = Currency.FromCode(currencyCode);
        var cart = Cart(currency, status, userId) with
        {
            MergedIntoCartId = status == CartStatus.Merged ? "userCart00000000000000" : null,
            CompletedByOrderId = status == CartStatus.Completed ? "order0000000000000000A" : null,
            MergedCartIds = userId is null ? [] : ["guest00000000000000000", "guest00000000000000001"],
            Warnings = userId is null ? [] : Samples.WithWarnings(Cart(currency, status, userId)).Warnings,
        };

        var read = MongoDocumentMapper.ToCart(ThroughBson(MongoDocumentMapper.ToDocument(cart)));

        Assert.Equal(cart.Id, read.Id);
        Assert.Equal(cart.Owner, read.Owner);
        Assert.Equal(cart.Status, read.Status);
        Assert.Same(cart.Currency, read.Currency);
        Assert.Equal(cart.Lines, read.Lines);
        Assert.Equal(cart.Adjustments, read.Adjustments);
        Assert.Equal(cart.Version, read.Version);
        Assert.Equal(cart.CreatedAt, read.CreatedAt);
        Assert.Equal(cart.UpdatedAt, read.UpdatedAt);
        Assert.Equal(cart.LastActivityAt, read.LastActivityAt);
        Assert.Equal(TimeSpan.Zero, read.LastActivityAt.Offset);
        Assert.Equal(cart.MergedIntoCartId, read.MergedIntoCartId);
        Assert.Equal(cart.MergedCartIds, read.MergedCartIds);
        Assert.Equal(cart.CompletedByOrderId, read.CompletedByOrderId);
        Assert.Equal(cart.Total, read.Total);
        Assert.Equal(cart.Warnings, read.Warnings);
    }

    public static TheoryData<OrderStatus, string> OrderCases() => new()
    {
        { OrderStatus.PendingPayment, "JPY" },
        { OrderStatus.Paid, "BHD" },
        { OrderStatus.Superseded, "USD" },
    };

    [Theory]
    [MemberData(nameof(OrderCases))]
    public void Orders_RoundTripEveryField(OrderStatus status, string currencyCode)
    {
        var order = Order(Cart(Currency.FromCode(currencyCode), CartStatus.Active, "user-1"), status);

        var read = MongoDocumentMapper.ToOrder(ThroughBson(MongoDocumentMapper.ToDocument(order)));

        Assert.Equal(order.Id, read.Id);
        Assert.Equal(order.CartId, read.CartId);
        Assert.Equal(order.CartVersion, read.CartVersion);
        Assert.Equal(order.Owner, read.Owner);
        Assert.Equal(order.Status, read.Status);
        Assert.Same(order.Currency, read.Currency);
        Assert.Equal(order.Lines, read.Lines);
        Assert.Equal(order.Adjustments, read.Adjustments);
        Assert.Equal(order.CreatedAt, read.CreatedAt);
        Assert.Equal(order.PaidAt, read.PaidAt);
        Assert.Equal(order.PaymentReference, read.PaymentReference);
        Assert.Equal(order.Total, read.Total);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("order0000000000000000A")]
    public void IdempotencyKeys_RoundTripEveryField(string? orderId)
    {
        var record = new IdempotencyRecord("checkout-2026-11-24-ü", "cart00000000000000000A", "claim-token", orderId, Changed.AddSeconds(30), Changed.AddHours(24));

        var read = MongoDocumentMapper.ToRecord(ThroughBson(MongoDocumentMapper.ToDocument(record)));

        Assert.Equal(record, read);
    }

    [Fact]
    public void MoneyAtTheEdgesOfInt64_AndTimesOfAnyOffset_SurviveTheTrip()
    {
        var local = new DateTimeOffset(2026, 11, 24, 11, 2, 41, 387, TimeSpan.FromHours(2));
        var cart = Cart(Currency.JPY, CartStatus.Active, null) with
        {
            Lines = [new LineItem("item00000001", "BIG", "Big", new Money(long.MaxValue, Currency.JPY), 1)],
            Adjustments = [new AdjustmentLine("Huge discount", new Money(long.MinValue, Currency.JPY))],
            LastActivityAt = local,
        };

        var read = MongoDocumentMapper.ToCart(ThroughBson(MongoDocumentMapper.ToDocument(cart)));

        Assert.Equal(long.MaxValue, read.Lines[0].UnitPrice.Amount);
        Assert.Equal(long.MinValue, read.Adjustments[0].Amount.Amount);
        Assert.Equal(local, read.LastActivityAt);
        Assert.Equal(TimeSpan.Zero, read.LastActivityAt.Offset);
    }

    [Fact]
    public void StoredValues_HaveTheirBsonTypes()
    {
        var cart = MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.BHD, CartStatus.Active, "user-1")));
        var line = cart["lines"][0].AsBsonDocument;

        Assert.Equal(BsonType.String, cart["_id"].BsonType);
        Assert.Equal(BsonType.Int32, cart["schemaVersion"].BsonType);
        Assert.Equal(BsonType.Int64, cart["version"].BsonType);
        Assert.Equal("Active", cart["status"].AsString);
        Assert.Equal(BsonType.DateTime, cart["lastActivityAt"].BsonType);
        Assert.Equal(BsonType.Int64, line["unitPrice"].BsonType);
        Assert.Equal(BsonType.Int32, line["quantity"].BsonType);
        Assert.Equal(BsonType.Int64, cart["adjustments"][0]["amount"].BsonType);

        var warned = MongoRender.Document(MongoDocumentMapper.ToDocument(Samples.WithWarnings(Cart(Currency.BHD, CartStatus.Active, "user-1"))));
        var warning = warned["warnings"][0].AsBsonDocument;
        Assert.Equal("MergeQuantityCapped", warning["code"].AsString);
        Assert.Equal(BsonType.Int32, warning["requestedQuantity"].BsonType);
        Assert.Equal(BsonType.Int32, warning["keptQuantity"].BsonType);
        Assert.False(warned["warnings"][1].AsBsonDocument.Contains("itemId"));
    }

    [Fact]
    public void ACartIsStoredInThisShape() =>
        Snapshot.Match(MongoRender.Json(MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.BHD, CartStatus.Active, "user-1") with
        {
            MergedCartIds = ["guest00000000000000000"],
        }))));

    [Fact]
    public void AMergedCartWithWarningsIsStoredInThisShape() =>
        Snapshot.Match(MongoRender.Json(MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.BHD, CartStatus.Active, "user-1") with
        {
            MergedCartIds = ["guest00000000000000000"],
            Warnings =
            [
                new CartWarning(CartWarningCode.MergeQuantityCapped, "SHIRT-Ü", "item00000001", 120, 99, "99 of the 120 units of SHIRT-Ü were kept: a line holds at most 99 units."),
                new CartWarning(CartWarningCode.MergeLineDropped, "CAP", null, 1, 0, "CAP (1 unit) from the cart you shopped as a guest was not added: a cart holds at most 2 lines."),
            ],
        }))));

    [Fact]
    public void ACartWithoutWarnings_HasNoWarningsElement_AndReadsAsNone()
    {
        var bson = MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.USD, CartStatus.Active, null)));

        Assert.False(bson.Contains("warnings"));
        Assert.Empty(MongoDocumentMapper.ToCart(BsonSerializer.Deserialize<CartDocument>(bson)).Warnings);
    }

    [Fact]
    public void AClosedGuestCartIsStoredInThisShape() =>
        Snapshot.Match(MongoRender.Json(MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.JPY, CartStatus.Merged, null) with
        {
            MergedIntoCartId = "userCart00000000000000",
        }))));

    [Fact]
    public void AnOrderIsStoredInThisShape() =>
        Snapshot.Match(MongoRender.Json(MongoRender.Document(MongoDocumentMapper.ToDocument(Order(Cart(Currency.USD, CartStatus.Active, "user-1"), OrderStatus.Paid)))));

    [Fact]
    public void AStockReservationIsStoredInThisShape() =>
        Snapshot.Match(MongoRender.Json(MongoRender.Document(MongoInventory.ToDocument("cart00000000000000000A:3", StockReservation()))));

    [Fact]
    public void StockReservations_RoundTripEveryField()
    {
        var reservation = StockReservation();

        var read = MongoInventory.ToReservation(ThroughBson(MongoInventory.ToDocument("cart00000000000000000A:3", reservation)));

        Assert.Equal(reservation.CartId, read.CartId);
        Assert.Equal(reservation.CartVersion, read.CartVersion);
        Assert.Equal(reservation.ExpiresAt, read.ExpiresAt);
        Assert.Equal(reservation.Lines, read.Lines);
    }

    [Fact]
    public void StockIsStoredInThisShape_AndRoundTrips()
    {
        var stock = new StockDocument { Sku = "MUG-ü", Available = long.MaxValue - 1, Holds = ["cart00000000000000000A:3"] };

        var rendered = MongoRender.Document(stock);
        var read = ThroughBson(stock);

        Assert.Equal(["_id", "available", "holds"], rendered.Names);
        Assert.Equal(BsonType.Int64, rendered["available"].BsonType);
        Assert.Equal("cart00000000000000000A:3", rendered["holds"].AsBsonArray.Single().AsString);
        Assert.Equal((stock.Sku, stock.Available), (read.Sku, read.Available));
        Assert.Equal(stock.Holds, read.Holds);
    }

    [Fact]
    public void AnIdempotencyKeyIsStoredInThisShape() =>
        Snapshot.Match(MongoRender.Json(MongoRender.Document(MongoDocumentMapper.ToDocument(
            new IdempotencyRecord("checkout-7f3a", "cart00000000000000000A", "kq3TgWm1ZCv8aY0pLr2xNw", "order0000000000000000A", Changed.AddSeconds(30), Changed.AddHours(24))))));

    [Fact]
    public void ACartWithCheckoutDetailsIsStoredInThisShape() =>
        Snapshot.Match(MongoRender.Json(MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.USD, CartStatus.Active, null) with
        {
            Details = Details,
        }))));

    [Fact]
    public void AnOrderWithCheckoutDetailsIsStoredInThisShape() =>
        Snapshot.Match(MongoRender.Json(MongoRender.Document(MongoDocumentMapper.ToDocument(
            Order(Cart(Currency.USD, CartStatus.Active, null) with { Details = Details with { BillingAddress = null, DiscountCodes = [] } }, OrderStatus.PendingPayment)))));

    [Fact]
    public void CheckoutDetails_RoundTrip_AndOnlyACartWithThemIsSchemaVersion2()
    {
        var partial = new CheckoutDetails { ShippingAddress = new PostalAddress { Name = "N", Line1 = "L", City = "C", Country = "FR" } };
        foreach (var details in new[] { Details, partial, CheckoutDetails.None })
        {
            var cart = Cart(Currency.USD, CartStatus.Active, "user-1") with { Details = details };
            var order = Order(cart, OrderStatus.PendingPayment);

            var document = MongoDocumentMapper.ToDocument(cart);
            var bson = MongoRender.Document(document);

            Assert.Equal(details.IsEmpty ? 1 : 2, document.SchemaVersion);
            Assert.Equal(!details.IsEmpty, bson.Contains("details"));
            StoreAssert.SameDetails(details, MongoDocumentMapper.ToCart(ThroughBson(document)).Details);
            StoreAssert.SameDetails(details, MongoDocumentMapper.ToOrder(ThroughBson(MongoDocumentMapper.ToDocument(order))).Details);
            Assert.Equal(1, MongoDocumentMapper.ToDocument(order).SchemaVersion);
        }
    }

    [Fact]
    public void ACartOfSchemaVersion1_ReadsWithNoCheckoutDetails()
    {
        var bson = MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.USD, CartStatus.Active, null)));
        Assert.Equal(1, bson["schemaVersion"].AsInt32);

        var read = MongoDocumentMapper.ToCart(BsonSerializer.Deserialize<CartDocument>(bson));

        Assert.Same(CheckoutDetails.None, read.Details);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void ADocumentFromAnotherSchema_IsRefused_RatherThanMisread(int schemaVersion)
    {
        var document = MongoDocumentMapper.ToDocument(Cart(Currency.USD, CartStatus.Active, null));
        document.SchemaVersion = schemaVersion;

        var error = Assert.Throws<InvalidOperationException>(() => MongoDocumentMapper.ToCart(document));

        Assert.Contains($"schema version {schemaVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains("versions 1 to 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOrderWithEventsInTheOutbox_IsStoredInThisShape_AndRoundTrips()
    {
        var document = MongoDocumentMapper.ToDocument(Order(Cart(Currency.USD, CartStatus.Active, null), OrderStatus.Cancelled));
        document.Events =
        [
            new OrderEventDocument { Type = CartKit.Events.CartKitEventType.OrderPlaced, At = Created.UtcDateTime, Dead = true },
            new OrderEventDocument { Type = CartKit.Events.CartKitEventType.OrderCancelled, At = Changed.UtcDateTime },
        ];
        document.EventsHandled = 1;
        document.EventAttempts = 2;
        document.EventsDueAt = Changed.UtcDateTime.AddSeconds(4);
        document.EventLease = "lease-1";
        document.EventLeaseUntil = Changed.UtcDateTime.AddSeconds(30);

        var read = ThroughBson(document);

        Snapshot.Match(MongoRender.Json(MongoRender.Document(document)));
        Assert.Equal(
            document.Events.Select(e => (e.Type, e.At, e.Dead, e.At.Kind)),
            read.Events!.Select(e => (e.Type, e.At, e.Dead, e.At.Kind)));
        Assert.Equal((1, 2, document.EventsDueAt, "lease-1", document.EventLeaseUntil), (read.EventsHandled, read.EventAttempts, read.EventsDueAt, read.EventLease, read.EventLeaseUntil));
    }

    [Fact]
    public void AnOrderWithoutEvents_ReadsAsOutOfTheOutbox()
    {
        var read = ThroughBson(MongoDocumentMapper.ToDocument(Order(Cart(Currency.USD, CartStatus.Active, null), OrderStatus.Paid)));

        Assert.Null(read.Events);
        Assert.Equal((0, 0, null, null), (read.EventsHandled, read.EventAttempts, read.EventsDueAt, read.EventLease));
    }

    [Fact]
    public void AnOrderFromANewerSchema_IsRefused_RatherThanMisread()
    {
        var document = MongoDocumentMapper.ToDocument(Order(Cart(Currency.USD, CartStatus.Active, null), OrderStatus.Paid));
        document.SchemaVersion = 2;

        Assert.Throws<InvalidOperationException>(() => MongoDocumentMapper.ToOrder(document));
    }

    [Fact]
    public void FieldsAddedByANewerCartKit_AreIgnoredWhenReading()
    {
        var bson = MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.USD, CartStatus.Active, null)));
        bson.Add("giftWrap", true);

        var read = BsonSerializer.Deserialize<CartDocument>(bson);

        Assert.Equal(bson["_id"].AsString, read.Id);
    }

    [Fact]
    public void ConventionsTheHostRegisters_DoNotChangeTheStoredShape()
    {
        // A host may register conventions for its own documents; CartKit's explicit maps must not pick them up.
        var pack = new ConventionPack
        {
            new EnumRepresentationConvention(BsonType.Int32),
            new IgnoreIfDefaultConvention(true),
            new CamelCaseElementNameConvention(),
        };
        ConventionRegistry.Register("host-conventions-for-a-test", pack, t => t.Namespace == typeof(CartDocument).Namespace);
        try
        {
            var bson = MongoRender.Document(MongoDocumentMapper.ToDocument(Cart(Currency.USD, CartStatus.Active, null) with { Version = 0 }));

            Assert.Equal("Active", bson["status"].AsString);
            Assert.Equal(0L, bson["version"].AsInt64);
            Assert.True(bson.Contains("mergedCartIds"));
        }
        finally
        {
            ConventionRegistry.Remove("host-conventions-for-a-test");
        }
    }

    private static readonly CheckoutDetails Details = new()
    {
        Email = "jo.muller@example.com",
        ShippingAddress = new PostalAddress { Name = "Jo Müller", Line1 = "Hauptstraße 5", Line2 = "3. OG", City = "Köln", PostalCode = "50667", Region = "NRW", Country = "DE" },
        BillingAddress = new PostalAddress { Name = "Example SARL", Line1 = "1 Rue de Rivoli", City = "Paris", Country = "FR" },
        ShippingMethod = "express",
        DiscountCodes = ["WELCOME10", "VIP-2026"],
    };

    private static T ThroughBson<T>(T document) => BsonSerializer.Deserialize<T>(MongoRender.Document(document).ToBson());

    private static Cart Cart(Currency currency, CartStatus status, string? userId) => new()
    {
        Id = "cart00000000000000000A",
        Owner = new CartOwner("session0000000000000000000000000", userId),
        Status = status,
        Currency = currency,
        Lines =
        [
            new LineItem("item00000001", "SHIRT-Ü", "Hemd \"klassisch\" – 🧵", new Money(19_990, currency), 2),
            new LineItem("item00000002", "DATES-BH", "تمر", new Money(1_250, currency), 1),
        ],
        Adjustments = [new AdjustmentLine("Shipping", new Money(499, currency)), new AdjustmentLine("Welcome −10%", new Money(-4_123, currency))],
        Version = 7,
        CreatedAt = Created,
        UpdatedAt = Changed,
        LastActivityAt = Changed,
    };

    private static Order Order(Cart cart, OrderStatus status) => new()
    {
        Id = "order0000000000000000A",
        CartId = cart.Id,
        CartVersion = cart.Version,
        Owner = cart.Owner,
        Status = status,
        Currency = cart.Currency,
        Lines = cart.Lines,
        Adjustments = cart.Adjustments,
        Details = cart.Details,
        CreatedAt = Changed,
        PaidAt = status == OrderStatus.Paid ? Changed.AddMinutes(2) : null,
        PaymentReference = status == OrderStatus.Paid ? "pi_3Nf8" : null,
    };

    private static StockReservation StockReservation() =>
        new("cart00000000000000000A", 3, Changed.AddHours(1)) { Lines = [new StockLine("MUG", 2), new StockLine("CAP", long.MaxValue)] };
}
