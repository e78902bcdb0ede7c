using CartKit.Carts;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Inventory;
using CartKit.Storage;
using Microsoft.Extensions.Logging;

namespace CartKit.Checkout;

// The checkout engine's side of the inventory: which units an order holds and when they go back. Without an inventory
// every call does nothing. Reserving is the only call whose failure the caller sees; a release or commit that fails is
// logged and left to the expiry sweep, which settles every reservation past its order's expiry from the order's status.
internal sealed class StockReservations
{
    private readonly IInventory? _inventory;
    private readonly IOrderRepository _orders;
    private readonly ILogger<StockReservations> _logger;

    public StockReservations(IOrderRepository orders, ILogger<StockReservations> logger, IInventory? inventory = null)
    {
        _inventory = inventory;
        _orders = orders;
        _logger = logger;
    }

    // Null when reserved (or no inventory): the order may be inserted.
    public async ValueTask<CartKitError?> ReserveAsync(Order order, CancellationToken cancellationToken)
    {
        if (_inventory is null)
        {
            return null;
        }

        var lines = order.Lines
            .GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new StockLine(g.Key, g.Sum(l => (long)l.Quantity)))
            .ToArray();
        var reservation = new StockReservation(order.CartId, order.CartVersion, order.ExpiresAt) { Lines = lines };
        var shortages = await _inventory.ReserveAsync(reservation, cancellationToken).ConfigureAwait(false);
        if (shortages.Count == 0)
        {
            return null;
        }

        Log.StockShort(_logger, shortages.Count);
        return CartErrors.InsufficientStock(shortages);
    }

    public async ValueTask ReleaseAsync(Order order)
    {
        if (_inventory is null)
        {
            return;
        }

        try
        {
            // Not cancellable: the order is already closed, and its units must not stay held because a request ended.
            await _inventory.ReleaseAsync(order.CartId, order.CartVersion, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The order's outcome stands; the expiry sweep releases the units later.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.StockReleaseFailed(_logger, ex);
        }
    }

    // After older orders of the cart were superseded: their units go back. Idempotent, so releasing one twice is harmless.
    public async ValueTask ReleaseClosedAsync(string cartId, CancellationToken cancellationToken)
    {
        if (_inventory is null)
        {
            return;
        }

        foreach (var order in await _orders.ListByCartAsync(cartId, cancellationToken).ConfigureAwait(false))
        {
            if (order.Status is not (OrderStatus.PendingPayment or OrderStatus.Paid))
            {
                await ReleaseAsync(order).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask CommitAsync(Order paid)
    {
        if (_inventory is null)
        {
            return;
        }

        try
        {
            await _inventory.CommitAsync(paid.CartId, paid.CartVersion, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The payment stands; the expiry sweep commits the reservation from the paid order.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.StockCommitFailed(_logger, paid.Id, ex);
        }
    }
}
