using CartKit.Domain;
using CartKit.Events;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace CartKit.MongoDB.Documents;

// The BSON shape of every CartKit document, spelled out member by member. Explicit maps (no AutoMap) are immune to
// conventions a host registers for its own types (camel case, enums as numbers, ignore-if-default...), so the
// stored shape is exactly this file and docs/mongodb.md, whatever else runs in the process.
internal static class MongoClassMaps
{
    private static readonly IBsonSerializer<string> Text = new StringSerializer();
    private static readonly IBsonSerializer<long> Int64 = new Int64Serializer(BsonType.Int64);
    private static readonly IBsonSerializer<int> Int32 = new Int32Serializer(BsonType.Int32);
    private static readonly IBsonSerializer<DateTime> UtcDate = new DateTimeSerializer(DateTimeKind.Utc, BsonType.DateTime);

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the maps once per process; every entry point that serializes a document calls this first.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        var lines = new BsonClassMap<LineDocument>(cm =>
        {
            cm.MapMember(d => d.ItemId).SetElementName("itemId").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.Sku).SetElementName("sku").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.Name).SetElementName("name").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.UnitPrice).SetElementName("unitPrice").SetSerializer(Int64).SetIsRequired(true);
            cm.MapMember(d => d.Quantity).SetElementName("quantity").SetSerializer(Int32).SetIsRequired(true);
        });
        var adjustments = new BsonClassMap<AdjustmentDocument>(cm =>
        {
            cm.MapMember(d => d.Name).SetElementName("name").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.Amount).SetElementName("amount").SetSerializer(Int64).SetIsRequired(true);
        });
        Require(BsonClassMap.TryRegisterClassMap(lines), lines);
        Require(BsonClassMap.TryRegisterClassMap(adjustments), adjustments);
        lines.Freeze();
        adjustments.Freeze();
        var details = CheckoutDetailsSerializer();

        var lineList = new EnumerableInterfaceImplementerSerializer<List<LineDocument>, LineDocument>(new BsonClassMapSerializer<LineDocument>(lines));
        var adjustmentList = new EnumerableInterfaceImplementerSerializer<List<AdjustmentDocument>, AdjustmentDocument>(
            new BsonClassMapSerializer<AdjustmentDocument>(adjustments));
        var idList = new EnumerableInterfaceImplementerSerializer<List<string>, string>(Text);

        var warnings = new BsonClassMap<WarningDocument>(cm =>
        {
            cm.MapMember(d => d.Code).SetElementName("code").SetSerializer(new EnumSerializer<CartWarningCode>(BsonType.String)).SetIsRequired(true);
            cm.MapMember(d => d.Sku).SetElementName("sku").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.ItemId).SetElementName("itemId").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.RequestedQuantity).SetElementName("requestedQuantity").SetSerializer(Int32).SetIsRequired(true);
            cm.MapMember(d => d.KeptQuantity).SetElementName("keptQuantity").SetSerializer(Int32).SetIsRequired(true);
            cm.MapMember(d => d.Message).SetElementName("message").SetSerializer(Text).SetIsRequired(true);
        });
        Require(BsonClassMap.TryRegisterClassMap(warnings), warnings);
        warnings.Freeze();
        var warningList = new EnumerableInterfaceImplementerSerializer<List<WarningDocument>, WarningDocument>(new BsonClassMapSerializer<WarningDocument>(warnings));

        var carts = new BsonClassMap<CartDocument>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapIdMember(d => d.Id).SetSerializer(Text);
            cm.MapMember(d => d.SchemaVersion).SetElementName("schemaVersion").SetSerializer(Int32).SetIsRequired(true);
            cm.MapMember(d => d.Version).SetElementName("version").SetSerializer(Int64).SetIsRequired(true);
            cm.MapMember(d => d.Status).SetElementName("status").SetSerializer(new EnumSerializer<CartStatus>(BsonType.String)).SetIsRequired(true);
            cm.MapMember(d => d.SessionId).SetElementName("sessionId").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.UserId).SetElementName("userId").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.Currency).SetElementName("currency").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.Lines).SetElementName("lines").SetSerializer(lineList).SetIsRequired(true);
            cm.MapMember(d => d.Adjustments).SetElementName("adjustments").SetSerializer(adjustmentList).SetIsRequired(true);
            cm.MapMember(d => d.CreatedAt).SetElementName("createdAt").SetSerializer(UtcDate).SetIsRequired(true);
            cm.MapMember(d => d.UpdatedAt).SetElementName("updatedAt").SetSerializer(UtcDate).SetIsRequired(true);
            cm.MapMember(d => d.LastActivityAt).SetElementName("lastActivityAt").SetSerializer(UtcDate).SetIsRequired(true);
            cm.MapMember(d => d.MergedIntoCartId).SetElementName("mergedIntoCartId").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.MergedCartIds).SetElementName("mergedCartIds").SetSerializer(idList).SetIsRequired(true);
            cm.MapMember(d => d.CompletedByOrderId).SetElementName("completedByOrderId").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.RemainderCartId).SetElementName("remainderCartId").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.Warnings).SetElementName("warnings").SetSerializer(warningList).SetIgnoreIfNull(true);
            cm.MapMember(d => d.Details).SetElementName("details").SetSerializer(details).SetIgnoreIfNull(true);
        });
        var orderEvent = new BsonClassMap<OrderEventDocument>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapMember(d => d.Type).SetElementName("type").SetSerializer(new EnumSerializer<CartKitEventType>(BsonType.String)).SetIsRequired(true);
            cm.MapMember(d => d.At).SetElementName("at").SetSerializer(UtcDate).SetIsRequired(true);
            cm.MapMember(d => d.Dead).SetElementName("dead").SetSerializer(new BooleanSerializer()).SetIgnoreIfDefault(true);
        });
        Require(BsonClassMap.TryRegisterClassMap(orderEvent), orderEvent);
        orderEvent.Freeze();
        var eventList = new EnumerableInterfaceImplementerSerializer<List<OrderEventDocument>, OrderEventDocument>(new BsonClassMapSerializer<OrderEventDocument>(orderEvent));
        var orders = new BsonClassMap<OrderDocument>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapIdMember(d => d.Id).SetSerializer(Text);
            cm.MapMember(d => d.SchemaVersion).SetElementName("schemaVersion").SetSerializer(Int32).SetIsRequired(true);
            cm.MapMember(d => d.CartId).SetElementName("cartId").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.CartVersion).SetElementName("cartVersion").SetSerializer(Int64).SetIsRequired(true);
            cm.MapMember(d => d.Status).SetElementName("status").SetSerializer(new EnumSerializer<OrderStatus>(BsonType.String)).SetIsRequired(true);
            cm.MapMember(d => d.SessionId).SetElementName("sessionId").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.UserId).SetElementName("userId").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.Currency).SetElementName("currency").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.Lines).SetElementName("lines").SetSerializer(lineList).SetIsRequired(true);
            cm.MapMember(d => d.Adjustments).SetElementName("adjustments").SetSerializer(adjustmentList).SetIsRequired(true);
            cm.MapMember(d => d.CreatedAt).SetElementName("createdAt").SetSerializer(UtcDate).SetIsRequired(true);
            cm.MapMember(d => d.ExpiresAt).SetElementName("expiresAt").SetSerializer(new NullableSerializer<DateTime>(UtcDate)).SetIgnoreIfNull(true);
            cm.MapMember(d => d.PaidAt).SetElementName("paidAt").SetSerializer(new NullableSerializer<DateTime>(UtcDate)).SetIgnoreIfNull(true);
            cm.MapMember(d => d.PaymentReference).SetElementName("paymentReference").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.ClosedAt).SetElementName("closedAt").SetSerializer(new NullableSerializer<DateTime>(UtcDate)).SetIgnoreIfNull(true);
            cm.MapMember(d => d.Details).SetElementName("details").SetSerializer(details).SetIgnoreIfNull(true);
            cm.MapMember(d => d.Events).SetElementName("events").SetSerializer(eventList).SetIgnoreIfNull(true);
            cm.MapMember(d => d.EventsHandled).SetElementName("eventsHandled").SetSerializer(Int32).SetIgnoreIfDefault(true);
            cm.MapMember(d => d.EventAttempts).SetElementName("eventAttempts").SetSerializer(Int32).SetIgnoreIfDefault(true);
            cm.MapMember(d => d.EventsDueAt).SetElementName("eventsDueAt").SetSerializer(new NullableSerializer<DateTime>(UtcDate)).SetIgnoreIfNull(true);
            cm.MapMember(d => d.EventLease).SetElementName("eventLease").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.EventLeaseUntil).SetElementName("eventLeaseUntil").SetSerializer(new NullableSerializer<DateTime>(UtcDate)).SetIgnoreIfNull(true);
        });
        var keys = new BsonClassMap<IdempotencyKeyDocument>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapIdMember(d => d.Key).SetSerializer(Text);
            cm.MapMember(d => d.SchemaVersion).SetElementName("schemaVersion").SetSerializer(Int32).SetIsRequired(true);
            cm.MapMember(d => d.CartId).SetElementName("cartId").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.ClaimToken).SetElementName("claimToken").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.OrderId).SetElementName("orderId").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.LeaseExpiresAt).SetElementName("leaseExpiresAt").SetSerializer(UtcDate).SetIsRequired(true);
            cm.MapMember(d => d.ExpiresAt).SetElementName("expiresAt").SetSerializer(UtcDate).SetIsRequired(true);
        });
        Require(BsonClassMap.TryRegisterClassMap(carts), carts);
        Require(BsonClassMap.TryRegisterClassMap(orders), orders);
        Require(BsonClassMap.TryRegisterClassMap(keys), keys);
        RegisterStock(idList);
        return true;
    }

    private static void RegisterStock(IBsonSerializer<List<string>> idList)
    {
        var stock = new BsonClassMap<StockDocument>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapIdMember(d => d.Sku).SetSerializer(Text);
            cm.MapMember(d => d.Available).SetElementName("available").SetSerializer(Int64).SetIsRequired(true);
            cm.MapMember(d => d.Holds).SetElementName("holds").SetSerializer(idList).SetIsRequired(true);
        });
        var lines = new BsonClassMap<StockLineDocument>(cm =>
        {
            cm.MapMember(d => d.Sku).SetElementName("sku").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.Quantity).SetElementName("quantity").SetSerializer(Int64).SetIsRequired(true);
        });
        Require(BsonClassMap.TryRegisterClassMap(lines), lines);
        lines.Freeze();
        var lineList = new EnumerableInterfaceImplementerSerializer<List<StockLineDocument>, StockLineDocument>(new BsonClassMapSerializer<StockLineDocument>(lines));
        var reservations = new BsonClassMap<StockReservationDocument>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapIdMember(d => d.Id).SetSerializer(Text);
            cm.MapMember(d => d.SchemaVersion).SetElementName("schemaVersion").SetSerializer(Int32).SetIsRequired(true);
            cm.MapMember(d => d.CartId).SetElementName("cartId").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.CartVersion).SetElementName("cartVersion").SetSerializer(Int64).SetIsRequired(true);
            cm.MapMember(d => d.Lines).SetElementName("lines").SetSerializer(lineList).SetIsRequired(true);
            cm.MapMember(d => d.ExpiresAt).SetElementName("expiresAt").SetSerializer(UtcDate).SetIsRequired(true);
            cm.MapMember(d => d.State).SetElementName("state").SetSerializer(Text).SetIsRequired(true);
        });
        Require(BsonClassMap.TryRegisterClassMap(stock), stock);
        Require(BsonClassMap.TryRegisterClassMap(reservations), reservations);
    }

    // Checkout details and their addresses, nested in carts and orders.
    private static BsonClassMapSerializer<CheckoutDetailsDocument> CheckoutDetailsSerializer()
    {
        var addresses = new BsonClassMap<AddressDocument>(cm =>
        {
            cm.MapMember(d => d.Name).SetElementName("name").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.Line1).SetElementName("line1").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.Line2).SetElementName("line2").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.City).SetElementName("city").SetSerializer(Text).SetIsRequired(true);
            cm.MapMember(d => d.PostalCode).SetElementName("postalCode").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.Region).SetElementName("region").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.Country).SetElementName("country").SetSerializer(Text).SetIsRequired(true);
        });
        Require(BsonClassMap.TryRegisterClassMap(addresses), addresses);
        addresses.Freeze();
        var address = new BsonClassMapSerializer<AddressDocument>(addresses);

        var details = new BsonClassMap<CheckoutDetailsDocument>(cm =>
        {
            cm.MapMember(d => d.Email).SetElementName("email").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.ShippingAddress).SetElementName("shippingAddress").SetSerializer(address).SetIgnoreIfNull(true);
            cm.MapMember(d => d.BillingAddress).SetElementName("billingAddress").SetSerializer(address).SetIgnoreIfNull(true);
            cm.MapMember(d => d.ShippingMethod).SetElementName("shippingMethod").SetSerializer(Text).SetIgnoreIfNull(true);
            cm.MapMember(d => d.DiscountCodes).SetElementName("discountCodes")
                .SetSerializer(new EnumerableInterfaceImplementerSerializer<List<string>, string>(Text))
                .SetShouldSerializeMethod(d => ((CheckoutDetailsDocument)d).DiscountCodes.Count > 0);
        });
        Require(BsonClassMap.TryRegisterClassMap(details), details);
        details.Freeze();
        return new BsonClassMapSerializer<CheckoutDetailsDocument>(details);
    }

    // A map registered before ours can only be an automatic one (the types are internal): its shape would differ.
    private static void Require(bool registered, BsonClassMap map)
    {
        if (!registered)
        {
            throw new InvalidOperationException(
                $"A BSON class map for {map.ClassType.Name} was created before CartKit registered its own; CartKit's documents would be stored in the wrong shape.");
        }
    }
}
