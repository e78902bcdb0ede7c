using CartKit.Testing.Engines;

namespace CartKit.CustomStore.Tests.Suites;

// CartKit.Testing's engine suites over the third-party store, with and without its cache: every engine rule, including
// the cross-process ones (two harness processes with their own locks sharing one store).
public sealed class DocumentCartEngineTests : CartEngineTests<DocumentStorage>;

public sealed class DocumentCartMergeTests : CartMergeTests<DocumentStorage>;

public sealed class DocumentCartConcurrencyTests : CartConcurrencyTests<DocumentStorage>;

public sealed class DocumentCheckoutEngineTests : CheckoutEngineTests<DocumentStorage>;

public sealed class DocumentOrderLifecycleTests : OrderLifecycleTests<DocumentStorage>;

public sealed class CachedDocumentCartEngineTests : CartEngineTests<CachedDocumentStorage>;

public sealed class CachedDocumentCartMergeTests : CartMergeTests<CachedDocumentStorage>;

public sealed class CachedDocumentCartConcurrencyTests : CartConcurrencyTests<CachedDocumentStorage>;

public sealed class CachedDocumentCheckoutEngineTests : CheckoutEngineTests<CachedDocumentStorage>;

public sealed class CachedDocumentOrderLifecycleTests : OrderLifecycleTests<CachedDocumentStorage>;
public sealed class DocumentCheckoutDetailsTests : CheckoutDetailsTests<DocumentStorage>;

public sealed class CachedDocumentCheckoutDetailsTests : CheckoutDetailsTests<CachedDocumentStorage>;

public sealed class DocumentStockReservationTests : StockReservationTests<DocumentStorage>;

public sealed class CachedDocumentStockReservationTests : StockReservationTests<CachedDocumentStorage>;

public sealed class DocumentOrderEventTests : OrderEventTests<DocumentStorage>;

public sealed class CachedDocumentOrderEventTests : OrderEventTests<CachedDocumentStorage>;
