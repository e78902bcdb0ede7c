using CartKit.Domain;
using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Documents;
using CartKit.MongoDB.Stores;
using CartKit.Storage;
using CartKit.Testing;
using MongoDB.Bson;
using Snapshooter.Xunit;

namespace CartKit.MongoDB.Tests;

/// <summary>
/// What each MongoDB store sends, rendered offline with the driver's own Render API and compared with an approved
/// snapshot: field names, operators, value types (NumberLong money and versions, UTC dates, enum strings) and the
/// collection settings (write concern, read preference). A change here is a change to the stored contract.
/// </summary>
public sealed class MongoQuerySnapshotTests
{
    private const string CartId = "cart00000000000000000A";
    private const string OrderId = "order0000000000000000A";
    private const string SessionId = "session0000000000000000000000000";
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 30, 15, 123, TimeSpan.Zero);

    [Fact]
    public void EveryCollection_ReadsFromThePrimary_AndWritesWithMajorityConcern()
    {
        var settings = MongoCollections.Settings();

        Snapshot.Match(MongoRender.Json(new BsonDocument
        {
            { "readPreference", settings.ReadPreference.ReadPreferenceMode.ToString() },
            { "writeConcern", settings.WriteConcern.ToBsonDocument() },
        }));
    }

    [Fact]
    public void CartStore_SendsTheseFiltersAndSorts()
    {
        var cursor = InactiveCartCursor.Parse(InactiveCartCursor.Format(At.AddMinutes(-45), CartId));

        Snapshot.Match(MongoRender.Json(new BsonDocument
        {
            { "GetAsync.filter", MongoRender.Filter(CartQueries.ById(CartId)) },
            { "ReplaceAsync.filter", MongoRender.Filter(CartQueries.ByIdAndVersion(CartId, 7)) },
            { "FindActiveBySessionAsync.filter", MongoRender.Filter(CartQueries.ActiveBySession(SessionId)) },
            { "FindActiveBySessionAsync.sort", MongoRender.Sort(CartQueries.MostRecentlyActiveFirst) },
            { "FindActiveByUserAsync.filter", MongoRender.Filter(CartQueries.ActiveByUser("user-1")) },
            { "FindInactiveAsync.firstPage.filter", MongoRender.Filter(CartQueries.Inactive(At, after: null)) },
            { "FindInactiveAsync.nextPage.filter", MongoRender.Filter(CartQueries.Inactive(At, cursor)) },
            { "FindInactiveAsync.sort", MongoRender.Sort(CartQueries.OldestActivityFirst) },
        }));
    }

    [Fact]
    public void OrderStore_SendsTheseFiltersUpdatesAndSorts()
    {
        Snapshot.Match(MongoRender.Json(new BsonDocument
        {
            { "GetAsync.filter", MongoRender.Filter(OrderQueries.ById(OrderId)) },
            { "FindByCartVersionAsync.filter", MongoRender.Filter(OrderQueries.ByCartVersion(CartId, 3)) },
            { "ListByCartAsync.filter", MongoRender.Filter(OrderQueries.ByCart(CartId)) },
            { "ListByCartAsync.sort", MongoRender.Sort(OrderQueries.OldestFirst) },
            { "SupersedePendingAsync.filter", MongoRender.Filter(OrderQueries.PendingBefore(CartId, 3)) },
            { "SupersedePendingAsync.update", MongoRender.Update(OrderQueries.Closed(OrderStatus.Superseded, At)) },
            { "MarkPaidAsync.filter", MongoRender.Filter(OrderQueries.PayableById(OrderId, At)) },
            { "MarkPaidAsync.update", MongoRender.Update(OrderQueries.Paid("pi_3Nf8", At)) },
            { "CloseAsync.filter", MongoRender.Filter(OrderQueries.PendingById(OrderId)) },
            { "CloseAsync.update", MongoRender.Update(OrderQueries.Closed(OrderStatus.Cancelled, At)) },
            { "RecordPaymentConflictAsync.filter", MongoRender.Filter(OrderQueries.ConflictCandidateById(OrderId)) },
            { "RecordPaymentConflictAsync.update", MongoRender.Update(OrderQueries.PaymentConflict("pi_3Nf8", At)) },
            { "findOneAndUpdate.returnDocument", OrderQueries.ReturnUpdated.ReturnDocument.ToString() },
            { "findOneAndUpdate.upsert", OrderQueries.ReturnUpdated.IsUpsert },
        }));
    }

    [Fact]
    public void OrderOutbox_SendsTheseFiltersUpdatesSortsAndPipeline()
    {
        var progress = new OrderEventProgress(OrderId, "lease-1", 2, 3, At.AddSeconds(8), [1]);

        Snapshot.Match(MongoRender.Json(new BsonDocument
        {
            { "InsertAsync.events", MongoRender.Document(OrderQueries.Event(CartKit.Events.CartKitEventType.OrderPlaced, At)) },
            { "ClaimDueAsync.find.filter", MongoRender.Filter(OrderQueries.EventsDue(At)) },
            { "ClaimDueAsync.find.sort", MongoRender.Sort(OrderQueries.DueFirst) },
            { "ClaimDueAsync.claim.filter", MongoRender.Filter(OrderQueries.EventsDueById(OrderId, At)) },
            { "ClaimDueAsync.claim.update", MongoRender.Update(OrderQueries.ClaimEvents("lease-1", At.AddSeconds(30))) },
            { "ReleaseAsync.done.filter", MongoRender.Filter(OrderQueries.EventsHeldAndAllHandled(OrderId, "lease-1", 2)) },
            { "ReleaseAsync.done.update", MongoRender.Update(OrderQueries.EventsDone(progress)) },
            { "ReleaseAsync.waiting.filter", MongoRender.Filter(OrderQueries.EventsHeldBy(OrderId, "lease-1")) },
            { "ReleaseAsync.waiting.update", MongoRender.Update(OrderQueries.EventsWaiting(progress)) },
            { "GetBacklogAsync.pipeline", new BsonArray(OrderQueries.BacklogStages) },
        }));
    }

    [Fact]
    public void IdempotencyKeyStore_SendsTheseFiltersAndUpdates()
    {
        Snapshot.Match(MongoRender.Json(new BsonDocument
        {
            { "TryClaimAsync.filter", MongoRender.Filter(IdempotencyKeyQueries.Claimable("key-1", CartId, At)) },
            { "TryClaimAsync.upsert", IdempotencyKeyQueries.UpsertClaim.IsUpsert },
            { "TryClaimAsync.holder.filter", MongoRender.Filter(IdempotencyKeyQueries.ByKey("key-1")) },
            { "CompleteAsync.filter", MongoRender.Filter(IdempotencyKeyQueries.HeldBy("key-1", "token-1")) },
            { "CompleteAsync.update", MongoRender.Update(IdempotencyKeyQueries.Completed(OrderId)) },
            { "ReleaseAsync.filter", MongoRender.Filter(IdempotencyKeyQueries.HeldBy("key-1", "token-1")) },
        }));
    }

    [Fact]
    public void Inventory_SendsTheseFiltersUpdatesAndSorts()
    {
        const string Reservation = "cart00000000000000000A:3";
        Snapshot.Match(MongoRender.Json(new BsonDocument
        {
            { "ReserveAsync.record.filter", MongoRender.Filter(StockQueries.ReservationById(Reservation)) },
            { "ReserveAsync.record.upsert", StockQueries.UpsertReservation.IsUpsert },
            { "ReserveAsync.take.filter", MongoRender.Filter(StockQueries.CanTake("MUG", 2, Reservation)) },
            { "ReserveAsync.take.update", MongoRender.Update(StockQueries.Take(2, Reservation)) },
            { "ReserveAsync.short.filter", MongoRender.Filter(StockQueries.BySku("MUG")) },
            { "ReleaseAsync.giveBack.filter", MongoRender.Filter(StockQueries.HeldBy("MUG", Reservation)) },
            { "ReleaseAsync.giveBack.update", MongoRender.Update(StockQueries.GiveBack(2, Reservation)) },
            { "ReleaseAsync.state.filter", MongoRender.Filter(StockQueries.ReservationIn(Reservation, StockReservationDocument.Held)) },
            { "ReleaseAsync.state.update", MongoRender.Update(StockQueries.MoveTo(StockReservationDocument.Released)) },
            { "CommitAsync.sold.update", MongoRender.Update(StockQueries.Sold(Reservation)) },
            { "ListExpiredAsync.filter", MongoRender.Filter(StockQueries.HeldExpiredBy(At)) },
            { "ListExpiredAsync.sort", MongoRender.Sort(StockQueries.OldestExpiryFirst) },
            { "GetAvailableAsync.filter", MongoRender.Filter(StockQueries.BySkus(["MUG", "CAP"])) },
            { "SetAvailableAsync.update", MongoRender.Update(StockQueries.SetAvailable(40)) },
            { "SetAvailableAsync.upsert", StockQueries.Upsert.IsUpsert },
        }));
    }

    [Fact]
    public void ValuesFromCallers_AreSentAsValues_NeverAsOperators()
    {
        // A session id, user id or key that looks like a query operator must stay a string to compare against.
        var filter = MongoRender.Filter(CartQueries.ActiveByUser("{\"$ne\":null}"));

        Assert.Equal(BsonType.String, filter["userId"].BsonType);
        Assert.Equal("{\"$ne\":null}", filter["userId"].AsString);
    }

    [Fact]
    public void TheClaimFilter_MatchesExactlyTheRecordsAClaimMayTakeOver()
    {
        // The filter is IdempotencyRecord.HoldsKeyAgainst negated; check it against that rule on every shape of record.
        var now = Samples.T0;
        var records = new[]
        {
            new IdempotencyRecord("k", "cart-a", "t", null, now.AddSeconds(10), now.AddHours(1)),
            new IdempotencyRecord("k", "cart-a", "t", null, now.AddSeconds(-1), now.AddHours(1)),
            new IdempotencyRecord("k", "cart-a", "t", null, now, now.AddHours(1)),
            new IdempotencyRecord("k", "cart-a", "t", "order-1", now.AddSeconds(-1), now.AddHours(1)),
            new IdempotencyRecord("k", "cart-a", "t", "order-1", now.AddSeconds(-1), now),
            new IdempotencyRecord("k", "cart-b", "t", null, now.AddSeconds(-1), now.AddHours(1)),
            new IdempotencyRecord("k", "cart-b", "t", null, now.AddSeconds(-1), now.AddSeconds(-1)),
        };

        foreach (var record in records)
        {
            var document = MongoRender.Document(MongoDocumentMapper.ToDocument(record));
            var filter = MongoRender.Filter(IdempotencyKeyQueries.Claimable("k", "cart-a", now));

            Assert.Equal(!record.HoldsKeyAgainst(now, "cart-a"), BsonFilterEvaluator.Matches(filter, document));
        }
    }

    [Fact]
    public void TheAbandonedCartQuery_PagesThroughStaleActiveCarts_InKeysetOrder()
    {
        // What MongoDB does with the filter, sort and limit FindInactiveAsync sends, evaluated offline.
        var threshold = Samples.T0;
        var carts = Enumerable.Range(1, 7).Select(i => Samples.Cart(lastActivity: threshold.AddMinutes(-(i % 3))))
            .Append(Samples.Cart(lastActivity: threshold.AddMilliseconds(1)))
            .Append(Samples.Cart(lastActivity: threshold.AddMinutes(-9), status: CartStatus.Completed))
            .Append(Samples.Cart(lastActivity: threshold.AddMinutes(-9), status: CartStatus.Merged))
            .ToList();
        var documents = carts.Select(c => MongoRender.Document(MongoDocumentMapper.ToDocument(c))).ToList();
        var expected = carts.Where(c => c.Status == CartStatus.Active && c.LastActivityAt <= threshold)
            .OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();

        var seen = new List<string>();
        InactiveCartCursor? after = null;
        do
        {
            var filter = MongoRender.Filter(CartQueries.Inactive(threshold, after));
            var page = documents.Where(d => BsonFilterEvaluator.Matches(filter, d))
                .OrderBy(d => d["lastActivityAt"].ToUniversalTime()).ThenBy(d => d["_id"].AsString, StringComparer.Ordinal)
                .Take(2)
                .ToList();
            seen.AddRange(page.Select(d => d["_id"].AsString));
            after = page.Count == 2 ? new InactiveCartCursor(page[^1]["lastActivityAt"].ToUniversalTime().Ticks, page[^1]["_id"].AsString) : null;
        }
        while (after is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(
            new BsonDocument { { "lastActivityAt", 1 }, { "_id", 1 } },
            MongoRender.Sort(CartQueries.OldestActivityFirst));
    }
}
