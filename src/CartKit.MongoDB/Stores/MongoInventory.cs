using CartKit.Inventory;
using CartKit.MongoDB.Connection;
using CartKit.MongoDB.Documents;
using CartKit.MongoDB.Indexes;
using MongoDB.Driver;

namespace CartKit.MongoDB.Stores;

// Stock and reservations in MongoDB without transactions. Each sku's units move by one conditional update of its stock
// document that also adds or removes the reservation's id in its holds, so a repeated or concurrent call moves them at
// most once and available never goes below zero. The reservation document records the lines and the state; it changes
// after the units moved, so a process that dies in between leaves a held reservation that the expiry sweep settles
// again (each step idempotent). A sku without a stock document is not tracked.
internal sealed class MongoInventory(MongoCollections collections) : IInventory
{
    private readonly IMongoCollection<StockDocument> _stock = collections.Stock;
    private readonly IMongoCollection<StockReservationDocument> _reservations = collections.StockReservations;

    public async ValueTask<IReadOnlyList<StockShortage>> ReserveAsync(StockReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var id = StockReservationDocument.IdOf(reservation.CartId, reservation.CartVersion);
        return await Guard(async () =>
        {
            var existing = await FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing?.State == StockReservationDocument.Held)
            {
                return (IReadOnlyList<StockShortage>)[];
            }

            // The record first (held, so a crash after taking units leaves something the sweep finds), then the units.
            var document = ToDocument(id, reservation);
            await RecordAsync(document, cancellationToken).ConfigureAwait(false);

            List<StockShortage>? shortages = null;
            foreach (var line in document.Lines)
            {
                var taken = await _stock.UpdateOneAsync(StockQueries.CanTake(line.Sku, line.Quantity, id), StockQueries.Take(line.Quantity, id), options: null, cancellationToken).ConfigureAwait(false);
                if (taken.MatchedCount == 1)
                {
                    continue;
                }

                var stock = await _stock.Find(StockQueries.BySku(line.Sku)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                if (stock is not null && !stock.Holds.Contains(id, StringComparer.Ordinal))
                {
                    (shortages ??= []).Add(new StockShortage(line.Sku, line.Quantity, stock.Available));
                }
            }

            if (shortages is null)
            {
                return (IReadOnlyList<StockShortage>)[];
            }

            // All or nothing: give back what this call took, then record the reservation as released.
            await GiveBackAsync(document, cancellationToken).ConfigureAwait(false);
            await _reservations.UpdateOneAsync(StockQueries.ReservationById(id), StockQueries.MoveTo(StockReservationDocument.Released), options: null, cancellationToken).ConfigureAwait(false);
            return shortages;
        }).ConfigureAwait(false);
    }

    public ValueTask<bool> ReleaseAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default) =>
        SettleAsync(cartId, cartVersion, StockReservationDocument.Released, cancellationToken);

    public ValueTask<bool> CommitAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default) =>
        SettleAsync(cartId, cartVersion, StockReservationDocument.Committed, cancellationToken);

    public async ValueTask<IReadOnlyList<StockReservation>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        await Guard(async () =>
        {
            var found = await _reservations.Find(StockQueries.HeldExpiredBy(now))
                .Sort(StockQueries.OldestExpiryFirst)
                .Limit(limit)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<StockReservation>)[.. found.Select(ToReservation)];
        }).ConfigureAwait(false);

    public async ValueTask<IReadOnlyDictionary<string, long>> GetAvailableAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skus);
        return await Guard(async () =>
        {
            var found = await _stock.Find(StockQueries.BySkus(skus)).ToListAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyDictionary<string, long>)found.ToDictionary(d => d.Sku, d => d.Available, StringComparer.Ordinal);
        }).ConfigureAwait(false);
    }

    public async ValueTask SetAvailableAsync(string sku, long units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        await Guard(async () =>
        {
            await _stock.UpdateOneAsync(StockQueries.BySku(sku), StockQueries.SetAvailable(units), StockQueries.Upsert, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    internal static StockReservationDocument ToDocument(string id, StockReservation reservation) => new()
    {
        Id = id,
        SchemaVersion = StockReservationDocument.CurrentSchemaVersion,
        CartId = reservation.CartId,
        CartVersion = reservation.CartVersion,
        Lines = [.. reservation.Lines.Select(l => new StockLineDocument { Sku = l.Sku, Quantity = l.Quantity })],
        ExpiresAt = reservation.ExpiresAt.UtcDateTime,
        State = StockReservationDocument.Held,
    };

    internal static StockReservation ToReservation(StockReservationDocument document) =>
        new(document.CartId, document.CartVersion, new DateTimeOffset(DateTime.SpecifyKind(document.ExpiresAt, DateTimeKind.Utc)))
        {
            Lines = [.. document.Lines.Select(l => new StockLine(l.Sku, l.Quantity))],
        };

    // Units first, then the state, so a crash in between leaves a held record the sweep settles again.
    private async ValueTask<bool> SettleAsync(string cartId, long cartVersion, string state, CancellationToken cancellationToken)
    {
        var id = StockReservationDocument.IdOf(cartId, cartVersion);
        return await Guard(async () =>
        {
            var document = await FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (document?.State != StockReservationDocument.Held)
            {
                return false;
            }

            if (state == StockReservationDocument.Released)
            {
                await GiveBackAsync(document, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                foreach (var line in document.Lines)
                {
                    await _stock.UpdateOneAsync(StockQueries.HeldBy(line.Sku, id), StockQueries.Sold(id), options: null, cancellationToken).ConfigureAwait(false);
                }
            }

            var moved = await _reservations.UpdateOneAsync(
                StockQueries.ReservationIn(id, StockReservationDocument.Held),
                StockQueries.MoveTo(state),
                options: null,
                cancellationToken).ConfigureAwait(false);
            return moved.ModifiedCount == 1;
        }).ConfigureAwait(false);
    }

    private async ValueTask GiveBackAsync(StockReservationDocument document, CancellationToken cancellationToken)
    {
        foreach (var line in document.Lines)
        {
            await _stock.UpdateOneAsync(StockQueries.HeldBy(line.Sku, document.Id), StockQueries.GiveBack(line.Quantity, document.Id), options: null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask RecordAsync(StockReservationDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await _reservations.ReplaceOneAsync(StockQueries.ReservationById(document.Id), document, StockQueries.UpsertReservation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoFaults.DuplicateKeyIndex(ex) is MongoIndexes.Id)
        {
            // A concurrent reserve of the same order inserted it first; now the replace matches it.
            await _reservations.ReplaceOneAsync(StockQueries.ReservationById(document.Id), document, StockQueries.UpsertReservation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<StockReservationDocument?> FindAsync(string id, CancellationToken cancellationToken) =>
        await _reservations.Find(StockQueries.ReservationById(id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    private static async ValueTask<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (MongoFaults.IsUnavailable(ex))
        {
            throw MongoFaults.Unavailable(ex);
        }
    }
}
