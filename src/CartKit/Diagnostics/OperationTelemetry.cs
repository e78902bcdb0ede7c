using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CartKit.Diagnostics;

// Runs one engine operation inside a span, and records its outcome and duration. The state is passed through so
// callers use static lambdas: nothing is allocated per call beyond the pooled state machine. With no span listener
// and no metric listener there is nothing to record, and the call goes straight through.
internal static class OperationTelemetry
{
    public static ValueTask<CartKitResult<T>> RunAsync<T, TState>(
        CartKitMetrics metrics,
        EngineOperation operation,
        TState state,
        Func<TState, ValueTask<CartKitResult<T>>> call)
        where T : notnull =>
        metrics.OperationsObserved || CartKitActivities.Source.HasListeners()
            ? RunObservedAsync(metrics, operation, state, call)
            : call(state);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<CartKitResult<T>> RunObservedAsync<T, TState>(
        CartKitMetrics metrics,
        EngineOperation operation,
        TState state,
        Func<TState, ValueTask<CartKitResult<T>>> call)
        where T : notnull
    {
        using var activity = CartKitActivities.Source.StartActivity(operation.SpanName);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call(state).ConfigureAwait(false);
            var outcome = Outcomes.Of(result);
            metrics.Operation(operation.Name, outcome, Stopwatch.GetElapsedTime(started));
            activity?.SetTag(CartKitMetrics.OutcomeTag, outcome);
            return result;
        }
        catch (Exception ex)
        {
            metrics.Operation(operation.Name, Outcomes.Fault, Stopwatch.GetElapsedTime(started));
            activity?.SetTag(CartKitMetrics.OutcomeTag, Outcomes.Fault);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity?.AddException(ex);
            throw;
        }
    }
}
