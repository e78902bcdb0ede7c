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

    public const string EntityTag = "cartkit.cache.entity";
    public const string ErrorTypeTag = "error.type";
    public const string OperationTag = "cartkit.operation";

    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(CartKitDiagnostics.MeterName));

    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _cacheErrors;
    private readonly Counter<long> _sessionRestores;
    private readonly Counter<long> _sessionStoreErrors;

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
    }

    public void CacheHit(CacheEntity entity) => _cacheHits.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)));

    public void CacheMiss(CacheEntity entity) => _cacheMisses.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)));

    public void CacheError(CacheEntity entity, string errorType) =>
        _cacheErrors.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)), new KeyValuePair<string, object?>(ErrorTypeTag, errorType));

    public void SessionRestored() => _sessionRestores.Add(1);

    public void SessionStoreError(string operation) => _sessionStoreErrors.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));

    private static string Name(CacheEntity entity) => entity == CacheEntity.Cart ? "cart" : "order";
}

internal enum CacheEntity
{
    Cart,
    Order,
}
