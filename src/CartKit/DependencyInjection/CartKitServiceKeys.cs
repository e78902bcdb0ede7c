namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Service keys CartKit registers under.</summary>
public static class CartKitServiceKeys
{
    /// <summary>
    /// The key of the source-of-truth stores (<c>ICartRepository</c>, <c>IOrderRepository</c>) as registered by
    /// <c>UseStorage</c>: the store itself, without the tracing and cache-aside layers the unkeyed registrations add.
    /// Resolve them with <c>[FromKeyedServices(CartKitServiceKeys.SourceOfTruth)]</c> to read what is stored,
    /// bypassing the cache (an admin tool, a test that shares one store between two containers).
    /// </summary>
    public const string SourceOfTruth = "CartKit.SourceOfTruth";
}
