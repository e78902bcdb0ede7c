using CartKit.Testing;
using CartKit.Testing.Engines;

namespace CartKit.Tests.Engines;

// CartKit.Testing's engine suites over the in-memory stores.
public sealed class InMemoryCartEngineTests : CartEngineTests<InMemoryStorage>;

public sealed class InMemoryCartMergeTests : CartMergeTests<InMemoryStorage>;

public sealed class InMemoryCartConcurrencyTests : CartConcurrencyTests<InMemoryStorage>;

public sealed class InMemoryCheckoutEngineTests : CheckoutEngineTests<InMemoryStorage>;

public sealed class InMemoryOrderLifecycleTests : OrderLifecycleTests<InMemoryStorage>;
public sealed class InMemoryCheckoutDetailsTests : CheckoutDetailsTests<InMemoryStorage>;

public sealed class InMemoryStockReservationTests : StockReservationTests<InMemoryStorage>;

public sealed class InMemoryOrderEventTests : OrderEventTests<InMemoryStorage>;
