using CartKit.Testing;
using CartKit.Testing.Engines;

namespace CartKit.MongoDB.Tests;

// The engine suites on MongoDB as the source of truth, including the cross-process concurrency tests: two harness
// "processes" with separate in-process locks share one database, so only MongoDB's filters and indexes keep them right.
[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoCartEngineTests : CartEngineTests<MongoStorage>;

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoCartMergeTests : CartMergeTests<MongoStorage>;

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoCartConcurrencyTests : CartConcurrencyTests<MongoStorage>;

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoCheckoutEngineTests : CheckoutEngineTests<MongoStorage>;

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoOrderLifecycleTests : OrderLifecycleTests<MongoStorage>;

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoCheckoutDetailsTests : CheckoutDetailsTests<MongoStorage>;

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoStockReservationTests : StockReservationTests<MongoStorage>;

[RequiresEnvironment(MongoStorage.Variable, MongoStorage.Reason)]
public sealed class MongoOrderEventTests : OrderEventTests<MongoStorage>;
