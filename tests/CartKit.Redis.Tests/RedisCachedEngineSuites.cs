using CartKit.Testing;
using CartKit.Testing.Engines;

namespace CartKit.Redis.Tests;

// The engine suites with sessions, the cart cache and the checkout lock in a real Redis, over in-memory sources of
// truth. Two processes in these suites share Redis and the source of truth, each with its own decorators and locks.
[ExcludedTest(
    nameof(CartEngineTests<RedisCachedStorage>.Sessions_ExpireAfterTheTtl_UnlessUsed),
    "it advances a fake clock past the session TTL and expects the session store to expire the idle session; Redis expires keys on its own clock (GETEX/SET PX), so the idle session lives on for real minutes. Real-time expiry in Redis is covered by RedisSessionStoreTests, and restore/abandonment under the fake clock by the other tests of this suite.")]
public sealed class RedisCachedCartEngineTests : CartEngineTests<RedisCachedStorage>;

public sealed class RedisCachedCartMergeTests : CartMergeTests<RedisCachedStorage>;

public sealed class RedisCachedCartConcurrencyTests : CartConcurrencyTests<RedisCachedStorage>;

public sealed class RedisCachedCheckoutEngineTests : CheckoutEngineTests<RedisCachedStorage>;

public sealed class RedisCachedOrderLifecycleTests : OrderLifecycleTests<RedisCachedStorage>;
public sealed class RedisCachedCheckoutDetailsTests : CheckoutDetailsTests<RedisCachedStorage>;

public sealed class RedisCachedStockReservationTests : StockReservationTests<RedisCachedStorage>;

public sealed class RedisCachedOrderEventTests : OrderEventTests<RedisCachedStorage>;
