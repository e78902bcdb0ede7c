using CartKit.Storage;
using CartKit.Storage.InMemory;
using CartKit.Testing.Storage;

namespace CartKit.Tests.Storage;

public sealed class InMemoryCartRepositoryTests : CartRepositoryContractTests
{
    protected override Task<ICartRepository> CreateRepositoryAsync() => Task.FromResult<ICartRepository>(new InMemoryCartRepository());
}

public sealed class InMemoryOrderRepositoryTests : OrderRepositoryContractTests
{
    protected override Task<IOrderRepository> CreateRepositoryAsync() => Task.FromResult<IOrderRepository>(new InMemoryOrderRepository());
}

public sealed class InMemoryIdempotencyKeyStoreTests : IdempotencyKeyStoreContractTests
{
    protected override Task<IIdempotencyKeyStore> CreateStoreAsync() => Task.FromResult<IIdempotencyKeyStore>(new InMemoryIdempotencyKeyStore());
}
