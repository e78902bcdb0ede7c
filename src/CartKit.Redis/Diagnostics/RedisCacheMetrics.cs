using System.Diagnostics.Metrics;
using CartKit.Diagnostics;

namespace CartKit.Redis.Diagnostics;

// The cart cache's counters, on CartKit's meter: hits, misses and errors, tagged with the entity (cart, order) and, for
// errors, the kind of failure. Low-cardinality tags only: never a cart, order or session id.
internal sealed class RedisCacheMetrics
{
    public const string CacheHits = "cartkit.cache.hits";
    public const string CacheMisses = "cartkit.cache.misses";
    public const string CacheErrors = "cartkit.cache.errors";
    public const string EntityTag = "cartkit.cache.entity";
    public const string ErrorTypeTag = "error.type";

    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(CartKitDiagnostics.MeterName));

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _errors;

    public RedisCacheMetrics(IMeterFactory? meterFactory = null)
    {
        // CartKit's meter (the factory hands out one per name), or a process-wide meter of the same name without a factory.
        var meter = meterFactory?.Create(CartKitDiagnostics.MeterName) ?? SharedMeter.Value;
        _hits = meter.CreateCounter<long>(CacheHits, "{lookup}", "Cart and order reads answered by the cache.");
        _misses = meter.CreateCounter<long>(CacheMisses, "{lookup}", "Cart and order reads the cache could not answer.");
        _errors = meter.CreateCounter<long>(
            CacheErrors,
            "{operation}",
            "Cache operations that failed or were skipped while the cache was unavailable; the source of truth answered instead.");
    }

    public void Hit(CacheEntity entity) => _hits.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)));

    public void Miss(CacheEntity entity) => _misses.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)));

    public void Error(CacheEntity entity, string errorType) =>
        _errors.Add(1, new KeyValuePair<string, object?>(EntityTag, Name(entity)), new KeyValuePair<string, object?>(ErrorTypeTag, errorType));

    private static string Name(CacheEntity entity) => entity == CacheEntity.Cart ? "cart" : "order";
}

internal enum CacheEntity
{
    Cart,
    Order,
}
