using CartKit.Inventory;
using CartKit.Testing.Storage;

namespace CartKit.Tests.Inventory;

public sealed class InMemoryInventoryTests : InventoryContractTests
{
    protected override Task<IInventory> CreateInventoryAsync(IReadOnlyDictionary<string, long> stock) =>
        Task.FromResult<IInventory>(new InMemoryInventory(stock));
}
