using CartKit.Testing;
using CartKit.Testing.Engines;

namespace CartKit.Redis.Tests.Cluster;

// The engine suites of RedisCachedEngineSuites, on a three-master Redis Cluster: the keys of one request (session,
// cart, lock, order) land on different shards.
[ExcludedTest(
    nameof(CartEngineTests<RedisClusterStorage>.Sessions_ExpireAfterTheTtl_UnlessUsed),
    "it advances a fake clock past the session TTL and expects the session store to expire the idle session; Redis expires keys on its own clock, as in RedisCachedCartEngineTests.")]
public sealed class RedisClusterCartEngineTests : CartEngineTests<RedisClusterStorage>;

public sealed class RedisClusterCartMergeTests : CartMergeTests<RedisClusterStorage>;

public sealed class RedisClusterCartConcurrencyTests : CartConcurrencyTests<RedisClusterStorage>;

public sealed class RedisClusterCheckoutEngineTests : CheckoutEngineTests<RedisClusterStorage>;

public sealed class RedisClusterOrderLifecycleTests : OrderLifecycleTests<RedisClusterStorage>;

public sealed class RedisClusterCheckoutDetailsTests : CheckoutDetailsTests<RedisClusterStorage>;

public sealed class RedisClusterStockReservationTests : StockReservationTests<RedisClusterStorage>;

public sealed class RedisClusterOrderEventTests : OrderEventTests<RedisClusterStorage>;
