using CartKit.Caching;
using CartKit.Domain;
using CartKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Tests.Caching;

/// <summary>Which engine reads may come from the cache: answers may, reads before a compare-and-swap may not.</summary>
public sealed class CacheAsideWritePathTests
{
    [Fact]
    public async Task Edits_ReadTheSourceOfTruth_AndOnlyRefreshTheCache()
    {
        var cache = new CountingCartCache();
        await using var kit = CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.Services.AddSingleton<ICartCache>(cache);
        });
        var session = await kit.NewSessionAsync();
        var reads = cache.Reads;

        var added = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        ResultAssert.Success(await kit.Carts.SetQuantityAsync(session, added.Lines[0].ItemId, 3));
        ResultAssert.Success(await kit.Carts.ClearAsync(session));

        Assert.Equal(reads, cache.Reads);
        Assert.Equal(4, cache.Writes[added.Id]);
    }

    [Fact]
    public async Task GetCart_IsServedFromTheCache()
    {
        var cache = new CountingCartCache();
        await using var kit = CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.Services.AddSingleton<ICartCache>(cache);
        });
        var session = await kit.NewSessionAsync();

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));

        Assert.Same(cache.Carts[cart.Id], cart);
    }

    private sealed class CountingCartCache : ICartCache
    {
        public Dictionary<string, Cart> Carts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);

        public int Reads { get; private set; }

        public ValueTask<CartCacheRead> GetCartAsync(string cartId, CancellationToken cancellationToken)
        {
            Reads++;
            return ValueTask.FromResult(Carts.GetValueOrDefault(cartId) is { } cached ? CartCacheRead.Hit(cached) : CartCacheRead.Miss("ticket"));
        }

        public ValueTask SetCartAsync(Cart cart, string repopulateTicket, CancellationToken cancellationToken) => CartWrittenAsync(cart, cancellationToken);

        public ValueTask CartWrittenAsync(Cart cart, CancellationToken cancellationToken)
        {
            Writes[cart.Id] = Writes.GetValueOrDefault(cart.Id) + 1;
            if (!Carts.TryGetValue(cart.Id, out var cached) || cached.Version < cart.Version)
            {
                Carts[cart.Id] = cart;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken)
        {
            Carts.Remove(cartId);
            return ValueTask.CompletedTask;
        }

        public ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken) => ValueTask.FromResult<Order?>(null);

        public ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
