namespace CartKit.Inventory;

/// <summary>
/// Stock held for orders. When a host registers one (<c>UseInMemoryInventory</c>, <c>AddInventory&lt;T&gt;()</c>),
/// checkout reserves the units of a pending order, releases them when the order is superseded, expires or is
/// cancelled, and commits them when it is paid. Without one, checkout only checks <c>IsAvailable</c>.
/// </summary>
/// <remarks>
/// A reservation is named by (cart id, cart version), since an order is one cart version; every call is idempotent on
/// that pair, so concurrent or repeated calls from several processes are safe. Available units never go below zero. A
/// sku the inventory has no stock record for is not tracked: it can always be reserved. The contract suite
/// <c>InventoryContractTests</c> in CartKit.Testing checks these rules.
/// </remarks>
public interface IInventory
{
    /// <summary>
    /// Reserves every line, or nothing. Reserving a pair that already holds a reservation changes nothing and succeeds;
    /// a pair released before is reserved again.
    /// </summary>
    /// <param name="reservation">The order's cart id, cart version, lines and expiry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Empty when reserved; otherwise each sku short of units, with nothing reserved.</returns>
    ValueTask<IReadOnlyList<StockShortage>> ReserveAsync(StockReservation reservation, CancellationToken cancellationToken = default);

    /// <summary>Gives a held reservation's units back. Does nothing for a released, committed or unknown pair.</summary>
    /// <param name="cartId">The order's cart id.</param>
    /// <param name="cartVersion">The order's cart version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call released the units.</returns>
    ValueTask<bool> ReleaseAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default);

    /// <summary>Makes a held reservation final (the order is paid): its units are sold. Does nothing otherwise.</summary>
    /// <param name="cartId">The order's cart id.</param>
    /// <param name="cartVersion">The order's cart version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call committed the reservation.</returns>
    ValueTask<bool> CommitAsync(string cartId, long cartVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists held reservations whose expiry is at or before <paramref name="now"/>, oldest first, so a sweep can settle
    /// those whose process died before releasing or committing them.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The expired held reservations.</returns>
    ValueTask<IReadOnlyList<StockReservation>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>Reads the available units of each sku (on hand, less held reservations); untracked skus are absent.</summary>
    /// <param name="skus">The skus.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The available units per tracked sku.</returns>
    ValueTask<IReadOnlyDictionary<string, long>> GetAvailableAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default);

    /// <summary>Sets the available units of a sku (an admin or warehouse update); held reservations stay held.</summary>
    /// <param name="sku">The sku.</param>
    /// <param name="units">The units available for new reservations; zero or more.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the stock is set.</returns>
    ValueTask SetAvailableAsync(string sku, long units, CancellationToken cancellationToken = default);
}
