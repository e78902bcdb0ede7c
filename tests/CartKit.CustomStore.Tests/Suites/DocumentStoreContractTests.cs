using CartKit.Caching;
using CartKit.CustomStore.Tests.Caching;
using CartKit.CustomStore.Tests.DocumentStore;
using CartKit.Storage;
using CartKit.Testing.Caching;
using CartKit.Testing.Storage;

namespace CartKit.CustomStore.Tests.Suites;

// CartKit.Testing's contract suites against the third-party store and cache, each test on an empty database.
public sealed class DocumentCartRepositoryTests : CartRepositoryContractTests
{
    protected override Task<ICartRepository> CreateRepositoryAsync() =>
        Task.FromResult<ICartRepository>(new DocumentCartRepository(new DocumentDatabase()));
}

public sealed class DocumentOrderRepositoryTests : OrderRepositoryContractTests
{
    protected override Task<IOrderRepository> CreateRepositoryAsync() =>
        Task.FromResult<IOrderRepository>(new DocumentOrderRepository(new DocumentDatabase()));
}

public sealed class DocumentIdempotencyKeyStoreTests : IdempotencyKeyStoreContractTests
{
    protected override Task<IIdempotencyKeyStore> CreateStoreAsync() =>
        Task.FromResult<IIdempotencyKeyStore>(new DocumentIdempotencyKeyStore(new DocumentDatabase()));
}

public sealed class DictionaryCartCacheTests : CartCacheContractTests
{
    protected override Task<ICartCache> CreateCacheAsync() =>
        Task.FromResult<ICartCache>(new DictionaryCartCache(new DictionaryCacheMemory(), TimeProvider.System));
}

public sealed class DocumentOrderEventOutboxTests : OrderEventOutboxContractTests
{
    protected override Task<IOrderRepository> CreateRepositoryAsync() =>
        Task.FromResult<IOrderRepository>(new DocumentOrderRepository(new DocumentDatabase()));
}
