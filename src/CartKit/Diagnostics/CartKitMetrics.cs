using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CartKit.Diagnostics;

// CartKit's counters. Tags are low-cardinality by construction (an entity kind, an operation, an exception type
// name): never a cart, order, session or user id, which would explode the time series of every metrics backend.
// The meter comes from IMeterFactory when the host registered one (so it is scoped to the container and its
// listeners), else from one meter shared by the process.
internal sealed class CartKitMetrics
{
    public const string CacheHits = "cartkit.cache.hits";
    public const string CacheMisses = "cartkit.cache.misses";
    public const string CacheErrors = "cartkit.cache.errors";
    public const string SessionRestores = "cartkit.session.restores";
    public const string SessionStoreErrors = "cartkit.session_store.errors";
    public const string Operations = "cartkit.operations";
    public const string OperationDuration = "cartkit.operation.duration";
    public const string Checkouts = "cartkit.checkouts";
    public const string OrdersSuperseded = "cartkit.orders.superseded";
    public const string Payments = "cartkit.payments";

    public const string EntityTag = "cartkit.cache.entity";
    public const string ErrorTypeTag = "error.type";
    public const string OperationTag = "cartkit.operation";
    public const string OutcomeTag = "cartkit.outcome";
    public const string ResultTag = "cartkit.result";

    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(CartKitDiagnostics.MeterName));

    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _cacheErrors;
    private readonly Counter<long> _sessionRestores;
    private readonly Counter<long> _sessionStoreErrors;
    private readonly Counter<long> _operations;
    private readonly Histogram<double> _operationDuration;
    private readonly Counter<long> _checkouts;
    private readonly Counter<long> _ordersSuperseded;
    private readonly Counter<long> _payments;

    public CartKitMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(CartKitDiagnostics.MeterName) ?? SharedMeter.Value;
        _cacheHits = meter.CreateCounter<long>(CacheHits, "{lookup}", "Cart and order reads answered by the cache.");
        _cacheMisses = meter.CreateCounter<long>(CacheMisses, "{lookup}", "Cart and order reads the cache could not answer.");
        _cacheErrors = meter.CreateCounter<long>(
            CacheErrors,
            "{operation}",
            "Cache operations that failed or were skipped while the cache was unavailable; the source of truth answered instead.");
        _sessionRestores = meter.CreateCounter<long>(
            SessionRestores,
            "{session}",
            "Sessions the session store had lost, rebuilt from the cart in the source of truth.");
        _sessionStoreErrors = meter.CreateCounter<long>(
            SessionStoreErrors,
            "{operation}",
            "Session store operations that failed; the cart engine fell back to the source of truth.");
        _operations = meter.CreateCounter<long>(
            Operations,
            "{operation}",
            "Cart and checkout engine operations, by operation and outcome (ok, fault, or the refusal's error code).");
        _operationDuration = meter.CreateHistogram<double>(
            OperationDuration,
            "s",
            "How long cart and checkout engine operations took, by operation and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _checkouts = meter.CreateCounter<long>(
            Checkouts,
            "{checkout}",
            "Checkouts by result: created (a new order), replayed (an existing order returned) or refused.");
        _ordersSuperseded = meter.CreateCounter<long>(
            OrdersSuperseded,
            "{order}",
            "Pending orders superseded because their cart changed and was checked out again.");
        _payments = meter.CreateCounter<long>(
            Payments,
            "{payment}",
            "Payment confirmations by result: confirmed or refused.");
    }

    public void CacheHit(CacheEntity entity) => _cacheHits.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)));

    public void CacheMiss(CacheEntity entity) => _cacheMisses.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)));

    public void CacheError(CacheEntity entity, string errorType) =>
        _cacheErrors.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)), new KeyValuePair<string, object?>(ErrorTypeTag, errorType));

    public void SessionRestored() => _sessionRestores.Add(1);

    public void SessionStoreError(string operation) => _sessionStoreErrors.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));

    // Whether anyone listens to the operation instruments; when nobody does, engine calls skip the telemetry wrapper.
    public bool OperationsObserved => _operations.Enabled || _operationDuration.Enabled;

    public void Operation(string operation, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { OperationTag, operation }, { OutcomeTag, outcome } };
        _operations.Add(1, tags);
        _operationDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void Checkout(string result, string outcome) =>
        _checkouts.Add(1, new KeyValuePair<string, object?>(ResultTag, result), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    public void Superseded(int count) => _ordersSuperseded.Add(count);

    public void Payment(string result, string outcome) =>
        _payments.Add(1, new KeyValuePair<string, object?>(ResultTag, result), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    private static string Name(CacheEntity entity) => entity == CacheEntity.Cart ? "cart" : "order";
}

internal enum CacheEntity
{
    Cart,
    Order,
}
