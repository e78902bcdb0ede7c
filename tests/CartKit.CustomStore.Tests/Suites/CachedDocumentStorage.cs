using CartKit.CustomStore.Tests.Caching;
using CartKit.CustomStore.Tests.DocumentStore;
using CartKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartKit.CustomStore.Tests.Suites;

/// <summary>
/// The document store behind the dictionary cache, both registered through the public seams only. The cache's memory
/// stands in for a cache server, which every process reaches, so it lives on the profile and each process gets it.
/// </summary>
public sealed class CachedDocumentStorage : StorageProfile
{
    private readonly DictionaryCacheMemory _cache = new();

    public override void Configure(ICartKitBuilder builder)
    {
        builder.Services.TryAddSingleton<DocumentDatabase>();
        builder.Services.AddSingleton(_cache);
        builder.UseStorage<DocumentCartRepository, DocumentOrderRepository, DocumentIdempotencyKeyStore>()
            .UseCartCache<DictionaryCartCache>();
    }
}
