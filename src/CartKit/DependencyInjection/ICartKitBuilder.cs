namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <c>services.AddCartKit()</c>; storage, cache, catalog and pricing choices are extension methods on it
/// (for example <c>UseInMemoryCatalog</c>, <c>AddCartAdjustment</c>).
/// </summary>
public interface ICartKitBuilder
{
    /// <summary>Gets the service collection CartKit is registered in.</summary>
    IServiceCollection Services { get; }
}
