using CartKit.CustomStore.Tests.DocumentStore;
using CartKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartKit.CustomStore.Tests.Suites;

/// <summary>
/// The document store as the source of truth, registered through the public seam only. Each process's container makes
/// its own <see cref="DocumentDatabase"/>; the harness hands the first process's stores to the second, which is what
/// proves that sharing works for any store registered with <c>UseStorage</c>.
/// </summary>
public sealed class DocumentStorage : StorageProfile
{
    public override void Configure(ICartKitBuilder builder)
    {
        builder.Services.TryAddSingleton<DocumentDatabase>();
        builder.UseStorage<DocumentCartRepository, DocumentOrderRepository, DocumentIdempotencyKeyStore>();
    }
}
