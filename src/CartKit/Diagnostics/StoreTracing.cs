using System.Diagnostics;

namespace CartKit.Diagnostics;

// A client span around one call to a store. When nobody listens, the call goes straight through: no state machine,
// no allocation. The span is started inside an async method on purpose: Activity.Current is an AsyncLocal, and only
// a change made inside the async method is undone when it returns, so consecutive store calls stay siblings instead
// of each becoming the parent of the next.
internal static class StoreTracing
{
    public static ValueTask<T> Trace<TState, T>(string spanName, TState state, Func<TState, ValueTask<T>> call) =>
        CartKitActivities.Source.HasListeners() ? TraceAsync(spanName, state, call) : call(state);

    private static async ValueTask<T> TraceAsync<TState, T>(string spanName, TState state, Func<TState, ValueTask<T>> call)
    {
        using var activity = CartKitActivities.Source.StartActivity(spanName, ActivityKind.Client);
        try
        {
            return await call(state).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            activity.AddException(ex);
            throw;
        }
    }
}
