namespace CartKit.Inventory;

// Stock and reservations in process memory, behind one lock: every call is one atomic step, so available units never
// go below zero and each (cart id, cart version) holds at most one reservation. For development, tests and samples.
internal sealed class InMemoryInventory : IInventory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _available = new(StringComparer.Ordinal);
    private readonly Dictionary<(string CartId, long CartVersion), Held> _reservations = [];

    public InMemoryInventory(IEnumerable<KeyValuePair<string, long>> stock)
    {
        ArgumentNullException.ThrowIfNull(stock);
        foreach (var (sku, units) in stock)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(units);
            _available[sku] = units;
        }
    }

    public ValueTask<IReadOnlyList<StockShortage>> ReserveAsync(StockReservation reservation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var key = (reservation.CartId, reservation.CartVersion);
        lock (_gate)
        {
            if (_reservations.TryGetValue(key, out var held) && held.State == HeldState.Held)
            {
                return ValueTask.FromResult<IReadOnlyList<StockShortage>>([]);
            }

            List<StockShortage>? shortages = null;
            foreach (var line in reservation.Lines)
            {
                if (_available.TryGetValue(line.Sku, out var units) && units < line.Quantity)
                {
                    (shortages ??= []).Add(new StockShortage(line.Sku, line.Quantity, units));
                }
            }

            if (shortages is not null)
            {
                return ValueTask.FromResult<IReadOnlyList<StockShortage>>(shortages);
            }

            foreach (var line in reservation.Lines)
            {
                if (_available.TryGetValue(line.Sku, out var units))
                {
                    _available[line.Sku] = units - line.Quantity;
                }
            }

            _reservations[key] = new Held(reservation, HeldState.Held);
            return ValueTask.FromResult<IReadOnlyList<StockShortage>>([]);
        }
    }

    public ValueTask<bool> ReleaseAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_reservations.TryGetValue((cartId, cartVersion), out var held) || held.State != HeldState.Held)
            {
                return ValueTask.FromResult(false);
            }

            foreach (var line in held.Reservation.Lines)
            {
                if (_available.TryGetValue(line.Sku, out var units))
                {
                    _available[line.Sku] = units + line.Quantity;
                }
            }

            _reservations[(cartId, cartVersion)] = held with { State = HeldState.Released };
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> CommitAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_reservations.TryGetValue((cartId, cartVersion), out var held) || held.State != HeldState.Held)
            {
                return ValueTask.FromResult(false);
            }

            _reservations[(cartId, cartVersion)] = held with { State = HeldState.Committed };
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<IReadOnlyList<StockReservation>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<StockReservation> expired = _reservations.Values
                .Where(h => h.State == HeldState.Held && h.Reservation.ExpiresAt <= now)
                .Select(h => h.Reservation)
                .OrderBy(r => r.ExpiresAt)
                .Take(limit)
                .ToArray();
            return ValueTask.FromResult(expired);
        }
    }

    public ValueTask<IReadOnlyDictionary<string, long>> GetAvailableAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skus);
        lock (_gate)
        {
            var found = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var sku in skus)
            {
                if (_available.TryGetValue(sku, out var units))
                {
                    found[sku] = units;
                }
            }

            return ValueTask.FromResult<IReadOnlyDictionary<string, long>>(found);
        }
    }

    public ValueTask SetAvailableAsync(string sku, long units, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        lock (_gate)
        {
            _available[sku] = units;
        }

        return ValueTask.CompletedTask;
    }

    private enum HeldState
    {
        Held,
        Released,
        Committed,
    }

    private sealed record Held(StockReservation Reservation, HeldState State);
}
