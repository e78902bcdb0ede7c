using CartKit.MongoDB.Documents;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Every filter and update MongoInventory sends, in one place so the offline snapshot tests render exactly what
// production sends. Taking and giving back units are conditional on the stock document's holds, so each moves the
// units of one reservation at most once, and taking is conditional on enough units, so available never goes below zero.
internal static class StockQueries
{
    private static FilterDefinitionBuilder<StockDocument> Stock => Builders<StockDocument>.Filter;

    private static FilterDefinitionBuilder<StockReservationDocument> Reservation => Builders<StockReservationDocument>.Filter;

    public static UpdateOptions Upsert { get; } = new() { IsUpsert = true };

    public static ReplaceOptions UpsertReservation { get; } = new() { IsUpsert = true };

    public static FilterDefinition<StockDocument> BySku(string sku) => Stock.Eq(d => d.Sku, sku);

    public static FilterDefinition<StockDocument> BySkus(IEnumerable<string> skus) => Stock.In(d => d.Sku, skus);

    public static FilterDefinition<StockDocument> CanTake(string sku, long quantity, string reservationId) =>
        Stock.Eq(d => d.Sku, sku) & Stock.Gte(d => d.Available, quantity) & Stock.Not(Stock.AnyEq(d => d.Holds, reservationId));

    public static UpdateDefinition<StockDocument> Take(long quantity, string reservationId) =>
        Builders<StockDocument>.Update.Inc(d => d.Available, -quantity).Push(d => d.Holds, reservationId);

    public static FilterDefinition<StockDocument> HeldBy(string sku, string reservationId) =>
        Stock.Eq(d => d.Sku, sku) & Stock.AnyEq(d => d.Holds, reservationId);

    public static UpdateDefinition<StockDocument> GiveBack(long quantity, string reservationId) =>
        Builders<StockDocument>.Update.Inc(d => d.Available, quantity).Pull(d => d.Holds, reservationId);

    public static UpdateDefinition<StockDocument> Sold(string reservationId) =>
        Builders<StockDocument>.Update.Pull(d => d.Holds, reservationId);

    public static UpdateDefinition<StockDocument> SetAvailable(long units) =>
        Builders<StockDocument>.Update.Set(d => d.Available, units).SetOnInsert(d => d.Holds, []);

    public static FilterDefinition<StockReservationDocument> ReservationById(string id) => Reservation.Eq(d => d.Id, id);

    public static FilterDefinition<StockReservationDocument> ReservationIn(string id, string state) =>
        Reservation.Eq(d => d.Id, id) & Reservation.Eq(d => d.State, state);

    public static UpdateDefinition<StockReservationDocument> MoveTo(string state) =>
        Builders<StockReservationDocument>.Update.Set(d => d.State, state);

    public static FilterDefinition<StockReservationDocument> HeldExpiredBy(DateTimeOffset now) =>
        Reservation.Eq(d => d.State, StockReservationDocument.Held) & Reservation.Lte(d => d.ExpiresAt, now.UtcDateTime);

    public static SortDefinition<StockReservationDocument> OldestExpiryFirst { get; } =
        Builders<StockReservationDocument>.Sort.Ascending(d => d.State).Ascending(d => d.ExpiresAt);
}
