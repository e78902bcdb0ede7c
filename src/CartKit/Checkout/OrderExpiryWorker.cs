using CartKit.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.Checkout;

// Runs the expiry sweep every OrderExpiryScanInterval while the host runs; registered only with an inventory. A failed
// pass is logged and the next one tries again: reservations stay held until swept, never lost.
internal sealed class OrderExpiryWorker : BackgroundService
{
    private readonly OrderExpirySweep _sweep;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<OrderExpiryWorker> _logger;

    public OrderExpiryWorker(OrderExpirySweep sweep, IOptions<CartKitOptions> options, TimeProvider time, ILogger<OrderExpiryWorker> logger)
    {
        _sweep = sweep;
        _interval = options.Value.OrderExpiryScanInterval;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    while (await _sweep.SweepAsync(stoppingToken).ConfigureAwait(false) == OrderExpirySweep.BatchSize)
                    {
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // A store outage must not stop the worker; the next tick tries again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.ExpirySweepFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
