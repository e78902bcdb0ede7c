using System.Diagnostics;
using System.Diagnostics.Metrics;
using CartKit.Diagnostics;
using CartKit.Testing;
using CartKit.Testing.Engines;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Tests.Diagnostics;

/// <summary>What an OpenTelemetry pipeline listening to CartKitDiagnostics' names receives.</summary>
public sealed class TelemetryTests : IDisposable
{
    private static readonly ActivitySource TestSource = new("CartKit.Tests.Telemetry");

    private readonly MetricsRecorder _metrics = new();
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public TelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is CartKitDiagnostics.ActivitySourceName or "CartKit.Tests.Telemetry",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                lock (_spans)
                {
                    _spans.Add(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task EngineOperations_AreSpans_WithTheirStoreCallsAsChildren_AndNoIdsInTags()
    {
        await using var kit = Harness();
        using var root = TestSource.StartActivity("test")!;
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "NOPE", 1), CartKitErrorCode.ProductNotFound);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));
        root.Stop();

        var spans = SpansOf(root);
        var names = spans.Select(s => s.OperationName).ToList();
        Assert.Contains("cartkit.cart.create_session", names);
        Assert.Equal(2, names.Count(n => n == "cartkit.cart.add_item"));
        Assert.Contains("cartkit.checkout", names);
        Assert.Contains("cartkit.order.confirm_payment", names);

        var add = spans.First(s => s.OperationName == "cartkit.cart.add_item");
        Assert.Equal("ok", add.GetTagItem(CartKitMetrics.OutcomeTag));
        Assert.Contains(spans, s => s.OperationName == "cartkit.store.carts.replace" && s.ParentSpanId == add.SpanId && s.Kind == ActivityKind.Client);
        var refused = spans.Last(s => s.OperationName == "cartkit.cart.add_item");
        Assert.Equal("product_not_found", refused.GetTagItem(CartKitMetrics.OutcomeTag));
        Assert.Equal(ActivityStatusCode.Unset, refused.Status);
        var checkout = spans.Single(s => s.OperationName == "cartkit.checkout");
        Assert.Contains(spans, s => s.OperationName == "cartkit.store.orders.insert" && s.ParentSpanId == checkout.SpanId);

        // Every store call is a direct child of the engine operation that made it, never of another store call.
        var engineSpans = spans.Where(s => !s.OperationName.StartsWith("cartkit.store.", StringComparison.Ordinal)).Select(s => s.SpanId).ToHashSet();
        Assert.All(spans.Where(s => s.OperationName.StartsWith("cartkit.store.", StringComparison.Ordinal)), s => Assert.Contains(s.ParentSpanId, engineSpans));

        var secrets = new[] { session, cart.Id, order.Id, "pi_1" };
        Assert.All(spans.SelectMany(s => s.TagObjects), tag => Assert.DoesNotContain(tag.Value?.ToString(), secrets));
    }

    [Fact]
    public async Task AFault_MarksItsSpanAsAnError()
    {
        await using var kit = Harness();
        kit.Catalog.BeforeLookup = () => throw new InvalidOperationException("catalog down");
        var session = await kit.NewSessionAsync();
        using var root = TestSource.StartActivity("test")!;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await kit.Carts.AddItemAsync(session, "MUG", 1));
        root.Stop();

        var span = SpansOf(root).Single(s => s.OperationName == "cartkit.cart.add_item");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("fault", span.GetTagItem(CartKitMetrics.OutcomeTag));
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.Operations, (CartKitMetrics.OperationTag, "cart.add_item"), (CartKitMetrics.OutcomeTag, "fault")));
    }

    [Fact]
    public async Task Operations_Checkouts_Supersedes_AndPayments_AreCounted()
    {
        await using var kit = Harness();
        var clock = Stopwatch.StartNew();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        await kit.Carts.AddItemAsync(session, "NOPE", 1);
        var first = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        await kit.Checkout.CheckoutAsync(session);
        await kit.Carts.AddItemAsync(session, "CAP", 1);
        var second = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        await kit.Checkout.PayAsync(second, "pi_1");
        await kit.Checkout.PayAsync(first, "pi_2");

        Assert.Equal(2, _metrics.Sum(CartKitMetrics.Operations, (CartKitMetrics.OperationTag, "cart.add_item"), (CartKitMetrics.OutcomeTag, "ok")));
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.Operations, (CartKitMetrics.OperationTag, "cart.add_item"), (CartKitMetrics.OutcomeTag, "product_not_found")));
        Assert.Equal(3, _metrics.Recorded(CartKitMetrics.OperationDuration, (CartKitMetrics.OperationTag, "cart.add_item")).Count);
        // In seconds: no operation can have taken longer than all of them together (milliseconds would).
        var total = clock.Elapsed.TotalSeconds;
        Assert.All(_metrics.Recorded(CartKitMetrics.OperationDuration), seconds => Assert.InRange(seconds, 0, total));
        Assert.Equal(2, _metrics.Sum(CartKitMetrics.Checkouts, (CartKitMetrics.ResultTag, "created")));
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.Checkouts, (CartKitMetrics.ResultTag, "replayed")));
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.OrdersSuperseded));
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.Payments, (CartKitMetrics.ResultTag, "confirmed")));
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.Payments, (CartKitMetrics.ResultTag, "refused"), (CartKitMetrics.OutcomeTag, "payment_conflict")));
        Assert.Equal(1, _metrics.Sum(CartKitMetrics.PaymentConflicts, (CartKitMetrics.ReasonTag, "superseded")));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    private CartKitHarness Harness() => CartKitHarness.Create(b =>
    {
        b.UseInMemoryStorage();
        b.Services.AddSingleton<IMeterFactory>(_metrics);
    });

    // Only this test's spans: the ones in the trace of its root span (other tests run in parallel).
    private List<Activity> SpansOf(Activity root)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => s.TraceId == root.TraceId && s != root).OrderBy(s => s.StartTimeUtc)];
        }
    }
}
