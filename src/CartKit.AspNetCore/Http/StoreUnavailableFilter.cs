using CartKit.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartKit.AspNetCore.Http;

// An unreachable source of truth is a 503 with Retry-After, not a 500: nothing was half-written, the client may retry.
internal sealed class StoreUnavailableFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<StoreUnavailableFilter>>();
            Log.StoreUnavailable(logger, (ex.InnerException ?? ex).GetType().Name);
            return CartKitProblems.StoreUnavailable(context.HttpContext, ex.RetryAfter);
        }
    }
}
