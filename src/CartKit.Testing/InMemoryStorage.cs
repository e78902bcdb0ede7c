using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Testing;

/// <summary>CartKit's own in-memory stores (<c>UseInMemoryStorage()</c>): the reference profile every other store is compared with.</summary>
public sealed class InMemoryStorage : StorageProfile
{
    /// <inheritdoc/>
    public override void Configure(ICartKitBuilder builder) => builder.UseInMemoryStorage();
}
