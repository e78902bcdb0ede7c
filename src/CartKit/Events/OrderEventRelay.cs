using CartKit.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.Events;

// Runs relay passes every PollInterval while the host runs (at once again after a full batch), like the order expiry
// worker: a failed pass is logged and the next one tries again; events stay recorded, never lost. Registered by
// AddCartKit; with no outbox in the order store it logs that once and stops.
internal sealed class OrderEventRelay : BackgroundService
{
    private readonly OrderEventDelivery? _delivery;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<OrderEventRelay> _logger;

    public OrderEventRelay(OrderEventDelivery? delivery, IOptions<CartKitOptions> options, TimeProvider time, ILogger<OrderEventRelay> logger)
    {
        _delivery = delivery;
        _interval = options.Value.Events.PollInterval;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_delivery is null)
        {
            Log.EventOutboxMissing(_logger);
            return;
        }

        using var timer = new PeriodicTimer(_interval, _time);
        try
        {
            do
            {
                try
                {
                    while (await _delivery.RunOnceAsync(stoppingToken).ConfigureAwait(false) == _delivery.BatchSize
                        && !stoppingToken.IsCancellationRequested)
                    {
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // A store outage must not stop the relay; the next tick tries again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.EventRelayFailed(_logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
