using CartKit.Domain;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using CartKit.Testing;
using CartKit.Testing.Storage;

namespace CartKit.Tests.Storage;

public sealed class InMemoryCartRepositoryTests : CartRepositoryContractTests
{
    protected override Task<ICartRepository> CreateRepositoryAsync() => Task.FromResult<ICartRepository>(new InMemoryCartRepository());
}

public sealed class InMemoryOrderRepositoryTests : OrderRepositoryContractTests
{
    [Fact]
    public async Task InsertingASecondPaidOrderForACart_IsRefused_AndStoresNothing()
    {
        var store = new InMemoryOrderRepository();
        var cart = Samples.Cart();
        var first = Samples.Order(cart, OrderStatus.Paid);
        await store.InsertAsync(first);
        var second = Samples.Order(Samples.Next(cart), OrderStatus.Paid);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.InsertAsync(second));

        Assert.Null(await store.GetAsync(second.Id));
        Assert.Equal([first.Id], (await store.ListByCartAsync(cart.Id)).Select(o => o.Id));
    }

    protected override Task<IOrderRepository> CreateRepositoryAsync() => Task.FromResult<IOrderRepository>(new InMemoryOrderRepository());
}

public sealed class InMemoryIdempotencyKeyStoreTests : IdempotencyKeyStoreContractTests
{
    protected override Task<IIdempotencyKeyStore> CreateStoreAsync() => Task.FromResult<IIdempotencyKeyStore>(new InMemoryIdempotencyKeyStore());
}

public sealed class InMemoryOrderEventOutboxTests : OrderEventOutboxContractTests
{
    protected override Task<IOrderRepository> CreateRepositoryAsync() => Task.FromResult<IOrderRepository>(new InMemoryOrderRepository());
}
