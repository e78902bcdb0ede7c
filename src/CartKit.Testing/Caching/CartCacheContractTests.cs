using CartKit.Caching;
using CartKit.Domain;

namespace CartKit.Testing.Caching;

/// <summary>
/// What every <see cref="ICartCache"/> must do, so that CartKit never answers with a cart older than one the source of
/// truth acknowledged: hits after a refresh, the version guard on refreshes, repopulate tickets that only one reader
/// gets and that any later write or removal revokes, and final orders. Derive from it and hand it an empty cache:
/// <c>protected override Task&lt;ICartCache&gt; CreateCacheAsync() =&gt; Task.FromResult&lt;ICartCache&gt;(new MyCartCache(...));</c>
/// </summary>
/// <remarks>
/// The cache is expected to be healthy for the whole test (a cache that cannot answer may report misses, but then it
/// cannot pass these tests). Tests never wait for entries to expire; a cache whose tickets expire must keep them for
/// at least a few seconds.
/// </remarks>
public abstract class CartCacheContractTests
{
    /// <summary>Creates an empty cache for one test; a derived class that owns resources disposes them with the test class.</summary>
    /// <returns>The cache.</returns>
    protected abstract Task<ICartCache> CreateCacheAsync();

    [StorageFact]
    public async Task ARefreshedCart_IsAHit_WithEveryField()
    {
        var cache = await CreateCacheAsync();
        var cart = Samples.WithWarnings(Samples.Cart(userId: "user-1", currency: Currency.BHD)) with
        {
            MergedCartIds = ["AAAAAAAAAAAAAAAAAAAAAA"],
        };

        await cache.CartWrittenAsync(cart);

        StoreAssert.SameCart(cart, (await cache.GetCartAsync(cart.Id)).Cart);
    }

    [StorageFact]
    public async Task CheckoutDetails_RoundTrip_AsSetChangedAndCleared()
    {
        var cache = await CreateCacheAsync();
        var v1 = Samples.Cart() with { Details = CheckoutDetails.None };
        var v2 = Samples.Next(v1, c => c with { Details = Samples.Details });
        var v3 = Samples.Next(v2, c => c with { Details = new CheckoutDetails { ShippingAddress = Samples.Details.BillingAddress } });
        var v4 = Samples.Next(v3, c => c with { Details = CheckoutDetails.None });

        foreach (var cart in new[] { v1, v2, v3, v4 })
        {
            await cache.CartWrittenAsync(cart);
            StoreAssert.SameCart(cart, (await cache.GetCartAsync(cart.Id)).Cart);
        }
    }

    [StorageFact]
    public async Task ARefresh_ReplacesAnOlderVersion()
    {
        var cache = await CreateCacheAsync();
        var v1 = Samples.Cart();
        var v2 = Samples.Next(v1, c => c with { Status = CartStatus.Completed, CompletedByOrderId = "CCCCCCCCCCCCCCCCCCCCCC" });

        await cache.CartWrittenAsync(v1);
        await cache.CartWrittenAsync(v2);

        StoreAssert.SameCart(v2, (await cache.GetCartAsync(v1.Id)).Cart);
    }

    [StorageFact]
    public async Task ARefreshWithoutWarnings_ClearsThoseOfTheOlderVersion()
    {
        var cache = await CreateCacheAsync();
        var v1 = Samples.WithWarnings(Samples.Cart());
        var v2 = Samples.Next(v1, c => c with { Warnings = [] });

        await cache.CartWrittenAsync(v1);
        StoreAssert.SameCart(v1, (await cache.GetCartAsync(v1.Id)).Cart);
        await cache.CartWrittenAsync(v2);

        Assert.Empty((await cache.GetCartAsync(v1.Id)).Cart!.Warnings);
    }

    [StorageFact]
    public async Task ARefresh_NeverReplacesANewerVersion_WhenTwoWritersRefreshOutOfOrder()
    {
        var cache = await CreateCacheAsync();
        var v1 = Samples.Cart();
        var v2 = Samples.Next(v1);
        var v3 = Samples.Next(v2);

        await cache.CartWrittenAsync(v2);
        await cache.CartWrittenAsync(v1);
        Assert.Equal(2, (await cache.GetCartAsync(v1.Id)).Cart?.Version);

        await cache.CartWrittenAsync(v3);
        await cache.CartWrittenAsync(v2);
        Assert.Equal(3, (await cache.GetCartAsync(v1.Id)).Cart?.Version);
    }

    [StorageFact]
    public async Task ARefresh_NeverReplacesAnEqualVersion()
    {
        var cache = await CreateCacheAsync();
        var v1 = Samples.Cart();
        var first = Samples.Next(v1, c => c with { Lines = [c.Lines[0] with { Quantity = 3 }] });
        var second = Samples.Next(v1, c => c with { Lines = [c.Lines[0] with { Quantity = 7 }] });

        await cache.CartWrittenAsync(first);
        await cache.CartWrittenAsync(second);

        StoreAssert.SameCart(first, (await cache.GetCartAsync(v1.Id)).Cart);
    }

    [StorageFact]
    public async Task ConcurrentRefreshes_InAnyOrder_EndWithTheNewestVersion()
    {
        var cache = await CreateCacheAsync();
        var versions = new List<Cart> { Samples.Cart() };
        for (var i = 1; i < 16; i++)
        {
            versions.Add(Samples.Next(versions[^1]));
        }

        // Newest first, so that a cache without the version guard ends on an older one whatever the scheduling.
        await Task.WhenAll(versions.AsEnumerable().Reverse().Select(v => Task.Run(async () => await cache.CartWrittenAsync(v))));

        Assert.Equal(16, (await cache.GetCartAsync(versions[0].Id)).Cart?.Version);
    }

    [StorageFact]
    public async Task AMiss_GivesATicketToExactlyOneOfConcurrentReaders()
    {
        var cache = await CreateCacheAsync();
        var cart = Samples.Cart();

        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await cache.GetCartAsync(cart.Id))));

        Assert.All(reads, r => Assert.Null(r.Cart));
        Assert.Single(reads, r => r.RepopulateTicket is not null);
    }

    [StorageFact]
    public async Task Repopulating_WithTheMissesTicket_StoresTheCart_AndWithAnyOtherTicketDoesNot()
    {
        var cache = await CreateCacheAsync();
        var cart = Samples.Cart();
        var other = Samples.Cart();
        var ticket = (await cache.GetCartAsync(cart.Id)).RepopulateTicket;
        var otherTicket = (await cache.GetCartAsync(other.Id)).RepopulateTicket;
        Assert.NotNull(ticket);
        Assert.NotNull(otherTicket);

        // Another entry's ticket, and one the cache never issued, are refused alike.
        await cache.SetCartAsync(cart, otherTicket);
        await cache.SetCartAsync(cart, ticket + "x");
        await cache.SetCartAsync(cart, "not-a-ticket");
        Assert.Null((await cache.GetCartAsync(cart.Id)).Cart);

        await cache.SetCartAsync(cart, ticket);
        StoreAssert.SameCart(cart, (await cache.GetCartAsync(cart.Id)).Cart);
    }

    [StorageFact]
    public async Task Repopulating_AnEntryNobodyMissed_StoresNothing()
    {
        var cache = await CreateCacheAsync();
        var cart = Samples.Cart();
        var ticket = (await cache.GetCartAsync(Samples.Cart().Id)).RepopulateTicket;

        await cache.SetCartAsync(cart, ticket ?? "not-a-ticket");
        await cache.SetCartAsync(cart, "not-a-ticket");

        Assert.Null((await cache.GetCartAsync(cart.Id)).Cart);
    }

    [StorageFact]
    public async Task ARefreshAfterTheMiss_RevokesTheTicket_SoASlowReaderCannotPutAnOlderCartBack()
    {
        var cache = await CreateCacheAsync();
        var v1 = Samples.Cart();
        var v2 = Samples.Next(v1, c => c with { Lines = [] });

        // A reader misses and reads version 1 from the source of truth; a writer then stores version 2 and refreshes.
        var ticket = (await cache.GetCartAsync(v1.Id)).RepopulateTicket;
        Assert.NotNull(ticket);
        await cache.CartWrittenAsync(v2);

        await cache.SetCartAsync(v1, ticket);

        StoreAssert.SameCart(v2, (await cache.GetCartAsync(v1.Id)).Cart);
    }

    [StorageFact]
    public async Task ARemovalAfterTheMiss_RevokesTheTicket()
    {
        var cache = await CreateCacheAsync();
        var cart = Samples.Cart();
        var ticket = (await cache.GetCartAsync(cart.Id)).RepopulateTicket;
        Assert.NotNull(ticket);

        await cache.RemoveCartAsync(cart.Id);
        await cache.SetCartAsync(cart, ticket);

        Assert.Null((await cache.GetCartAsync(cart.Id)).Cart);
    }

    [StorageFact]
    public async Task ASlowReader_CannotPutAnOlderCartBack_EvenWhenTheNewerEntryWasRemovedMeanwhile()
    {
        var cache = await CreateCacheAsync();
        var v1 = Samples.Cart();
        var v2 = Samples.Next(v1);
        var ticket = (await cache.GetCartAsync(v1.Id)).RepopulateTicket;
        Assert.NotNull(ticket);

        // The newer entry is gone (evicted, flushed, removed after a lost compare-and-swap) before the slow reader
        // repopulates: a version check alone would find nothing newer and store version 1. Its ticket must be gone.
        await cache.CartWrittenAsync(v2);
        await cache.RemoveCartAsync(v1.Id);
        await cache.SetCartAsync(v1, ticket);

        Assert.Null((await cache.GetCartAsync(v1.Id)).Cart);
    }

    [StorageFact]
    public async Task RemoveCart_MakesTheNextReadAMiss_ThatMayRepopulate()
    {
        var cache = await CreateCacheAsync();
        var cart = Samples.Cart();
        await cache.CartWrittenAsync(cart);

        await cache.RemoveCartAsync(cart.Id);
        var read = await cache.GetCartAsync(cart.Id);

        Assert.Null(read.Cart);
        Assert.NotNull(read.RepopulateTicket);
        await cache.SetCartAsync(cart, read.RepopulateTicket);
        StoreAssert.SameCart(cart, (await cache.GetCartAsync(cart.Id)).Cart);
    }

    [StorageFact]
    public async Task FinalOrders_RoundTrip()
    {
        var cache = await CreateCacheAsync();
        var paid = Samples.Order(Samples.Cart(userId: "user-1", currency: Currency.JPY), OrderStatus.Paid);
        var superseded = Samples.Order(Samples.Cart(), OrderStatus.Superseded);

        await cache.SetOrderAsync(paid);
        await cache.SetOrderAsync(superseded);

        StoreAssert.SameOrder(paid, await cache.GetOrderAsync(paid.Id));
        StoreAssert.SameOrder(superseded, await cache.GetOrderAsync(superseded.Id));
    }

    [StorageFact]
    public async Task UnknownIds_AreMisses()
    {
        var cache = await CreateCacheAsync();
        var order = Samples.Order(Samples.Cart(), OrderStatus.Paid);
        await cache.SetOrderAsync(order);
        await cache.CartWrittenAsync(Samples.Cart());

        Assert.Null((await cache.GetCartAsync(CartKitIds.NewCartId())).Cart);
        Assert.Null(await cache.GetOrderAsync(CartKitIds.NewOrderId()));

        // Carts and orders are apart: an order id is not a cart.
        Assert.Null((await cache.GetCartAsync(order.Id)).Cart);
    }

    [StorageTheory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA*")]
    [InlineData("{AAAAAAAAAAAAAAAAAAAAA}")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("{\"$ne\":null}")]
    public async Task MalformedIds_AreMisses(string id)
    {
        var cache = await CreateCacheAsync();

        Assert.Null((await cache.GetCartAsync(id)).Cart);
        Assert.Null(await cache.GetOrderAsync(id));
        await cache.RemoveCartAsync(id);
    }
}
