using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Internal;
using CartKit.Inventory;
using CartKit.Storage;
using Microsoft.Extensions.Logging;

namespace CartKit.Checkout;

// Settles stock reservations past their order's expiry, whatever happened to the process that made them: the order
// decides. Paid: commit (a crash between payment and commit). Pending: close it as expired (conditional, so a payment
// or another instance's sweep that got there first wins), then release. No order at all (the process died between the
// reservation and the insert), or closed: release. Every step is idempotent, so several instances can sweep at once.
internal sealed class OrderExpirySweep
{
    public const int BatchSize = 100;

    private readonly IInventory _inventory;
    private readonly IOrderRepository _orders;
    private readonly TimeProvider _time;
    private readonly CartKitMetrics _metrics;
    private readonly ILogger<OrderExpirySweep> _logger;

    public OrderExpirySweep(IInventory inventory, IOrderRepository orders, TimeProvider time, CartKitMetrics metrics, ILogger<OrderExpirySweep> logger)
    {
        _inventory = inventory;
        _orders = orders;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    // One pass over at most BatchSize reservations; returns how many it looked at (a full batch: run again).
    public async ValueTask<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = StoredTime.Now(_time);
        var expired = await _inventory.ListExpiredAsync(now, BatchSize, cancellationToken).ConfigureAwait(false);
        int released = 0, committed = 0;
        foreach (var reservation in expired)
        {
            var order = await _orders.FindByCartVersionAsync(reservation.CartId, reservation.CartVersion, cancellationToken).ConfigureAwait(false);
            if (order is { Status: OrderStatus.PendingPayment })
            {
                order = await _orders.CloseAsync(order.Id, OrderStatus.Expired, now, cancellationToken).ConfigureAwait(false);
                if (order is { Status: OrderStatus.Expired } closed && closed.ClosedAt == now)
                {
                    _metrics.OrderClosed("expired");
                }
            }

            if (order is { Status: OrderStatus.Paid })
            {
                committed += await _inventory.CommitAsync(reservation.CartId, reservation.CartVersion, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
            else
            {
                released += await _inventory.ReleaseAsync(reservation.CartId, reservation.CartVersion, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }

        if (released + committed > 0)
        {
            Log.ExpirySwept(_logger, released, committed);
        }

        return expired.Count;
    }
}
