using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CartKit.Diagnostics;

// The engines' counters (providers count their own, the cache its hits and misses). Tags are low-cardinality by
// construction (an operation, an outcome, a result): never a cart, order, session or user id, which would explode the
// time series of every metrics backend.
internal sealed class CartKitMetrics
{
    public const string SessionRestores = "cartkit.session.restores";
    public const string SessionStoreErrors = "cartkit.session_store.errors";
    public const string Operations = "cartkit.operations";
    public const string OperationDuration = "cartkit.operation.duration";
    public const string Checkouts = "cartkit.checkouts";
    public const string OrdersSuperseded = "cartkit.orders.superseded";
    public const string Payments = "cartkit.payments";
    public const string PaymentConflicts = "cartkit.payments.conflicts";
    public const string OrdersClosed = "cartkit.orders.closed";
    public const string PriceChanges = "cartkit.checkout.price_changes";

    public const string ErrorTypeTag = "error.type";
    public const string OperationTag = "cartkit.operation";
    public const string OutcomeTag = "cartkit.outcome";
    public const string ResultTag = "cartkit.result";
    public const string ReasonTag = "cartkit.reason";

    private readonly Counter<long> _sessionRestores;
    private readonly Counter<long> _sessionStoreErrors;
    private readonly Counter<long> _operations;
    private readonly Histogram<double> _operationDuration;
    private readonly Counter<long> _checkouts;
    private readonly Counter<long> _ordersSuperseded;
    private readonly Counter<long> _payments;
    private readonly Counter<long> _paymentConflicts;
    private readonly Counter<long> _ordersClosed;
    private readonly Counter<long> _priceChanges;

    public CartKitMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = CartKitMeter.Create(meterFactory);
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
            "Payment confirmations by result: confirmed or refused (the outcome says why, for example payment_mismatch).");
        _paymentConflicts = meter.CreateCounter<long>(
            PaymentConflicts,
            "{payment}",
            "Payments confirmed for orders that could not be fulfilled, by reason (superseded, expired, cancelled, another_order_paid, already_paid): money a person must refund. Alert on any.");
        _ordersClosed = meter.CreateCounter<long>(
            OrdersClosed,
            "{order}",
            "Pending orders closed without payment, by reason: cancelled by the shopper, or expired (recorded when checkout meets an expired order; superseded ones count in cartkit.orders.superseded).");
        _priceChanges = meter.CreateCounter<long>(
            PriceChanges,
            "{line}",
            "Cart lines found at checkout with a changed catalog price or an unavailable product; the checkout was refused and the cart re-priced.");
    }

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

    public void PaymentConflict(string reason) => _paymentConflicts.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));

    public void OrderClosed(string reason) => _ordersClosed.Add(1, new KeyValuePair<string, object?>(ReasonTag, reason));

    public void PricesChanged(int lines) => _priceChanges.Add(lines);

    public void Payment(string result, string outcome) =>
        _payments.Add(1, new KeyValuePair<string, object?>(ResultTag, result), new KeyValuePair<string, object?>(OutcomeTag, outcome));
}
