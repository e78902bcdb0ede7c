using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Testing.Storage;

/// <summary>What every <see cref="ICartRepository"/> must enforce: MongoDB, in-memory and the cached decorator alike.</summary>
public abstract class CartRepositoryContractTests
{
    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<ICartRepository> CreateRepositoryAsync();

    [StorageFact]
    public async Task Insert_ThenGet_RoundTripsEveryField()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.WithWarnings(Samples.Cart(userId: "user-1", currency: Currency.BHD)) with
        {
            MergedCartIds = ["AAAAAAAAAAAAAAAAAAAAAA"],
        };

        Assert.Equal(CartWriteResult.Written, await store.InsertAsync(cart));
        var read = await store.GetAsync(cart.Id);

        StoreAssert.SameCart(cart, read);
    }

    [StorageFact]
    public async Task Replace_ChangingThenClearingCheckoutDetails_RoundTripsEachVersion()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart() with { Details = CheckoutDetails.None };
        await store.InsertAsync(cart);
        StoreAssert.SameCart(cart, await store.GetAsync(cart.Id));

        // Every field set, then some cleared (an address, the codes, an optional address line), then none at all.
        var full = Samples.Next(cart, c => c with { Details = Samples.Details });
        var partial = Samples.Next(full, c => c with
        {
            Details = Samples.Details with
            {
                BillingAddress = null,
                DiscountCodes = [],
                ShippingAddress = Samples.Details.ShippingAddress! with { Line2 = null, Region = null },
            },
        });
        var cleared = Samples.Next(partial, c => c with { Details = CheckoutDetails.None });
        foreach (var (next, expected) in new[] { (full, cart.Version), (partial, full.Version), (cleared, partial.Version) })
        {
            Assert.Equal(CartWriteResult.Written, await store.ReplaceAsync(next, expected));
            StoreAssert.SameCart(next, await store.GetAsync(cart.Id));
        }

        Assert.True((await store.GetAsync(cart.Id))!.Details.IsEmpty);
    }

    [StorageFact]
    public async Task Get_UnknownId_ReturnsNothing()
    {
        var store = await CreateRepositoryAsync();

        Assert.Null(await store.GetAsync("AAAAAAAAAAAAAAAAAAAAAA"));
    }

    [StorageFact]
    public async Task Insert_AnExistingId_IsAConflictAndChangesNothing()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart();
        await store.InsertAsync(cart);

        Assert.Equal(CartWriteResult.VersionConflict, await store.InsertAsync(cart with { Lines = [] }));
        Assert.Equal(2, (await store.GetAsync(cart.Id))!.Lines.Count);
    }

    [StorageFact]
    public async Task Replace_FromTheStoredVersion_Writes()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart();
        await store.InsertAsync(cart);
        var next = Samples.Next(cart, c => c with { Lines = [c.Lines[0] with { Quantity = 5 }] });

        Assert.Equal(CartWriteResult.Written, await store.ReplaceAsync(next, cart.Version));

        StoreAssert.SameCart(next, await store.GetAsync(cart.Id));
    }

    [StorageFact]
    public async Task Replace_SetsAndThenClearsTheWarnings()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart();
        await store.InsertAsync(cart);
        var warned = Samples.Next(cart, Samples.WithWarnings);
        await store.ReplaceAsync(warned, cart.Version);
        StoreAssert.SameCart(warned, await store.GetAsync(cart.Id));

        var cleared = Samples.Next(warned, c => c with { Warnings = [] });
        Assert.Equal(CartWriteResult.Written, await store.ReplaceAsync(cleared, warned.Version));

        Assert.Empty((await store.GetAsync(cart.Id))!.Warnings);
    }

    [StorageFact]
    public async Task Replace_FromAStaleVersion_IsAConflictAndKeepsTheStoredCart()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart();
        await store.InsertAsync(cart);
        var v2 = Samples.Next(cart);
        await store.ReplaceAsync(v2, 1);

        var stale = Samples.Next(cart, c => c with { Lines = [] });
        Assert.Equal(CartWriteResult.VersionConflict, await store.ReplaceAsync(stale, 1));

        StoreAssert.SameCart(v2, await store.GetAsync(cart.Id));
    }

    [StorageFact]
    public async Task Replace_AMissingCart_IsAConflict()
    {
        var store = await CreateRepositoryAsync();

        Assert.Equal(CartWriteResult.VersionConflict, await store.ReplaceAsync(Samples.Cart(version: 2), 1));
    }

    [StorageFact]
    public async Task Replace_ThatSkipsAVersion_IsRefusedAsABug()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart();
        await store.InsertAsync(cart);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.ReplaceAsync(cart with { Version = 3 }, 1));
    }

    [StorageFact]
    public async Task ConcurrentReplaces_OfOneVersion_ExactlyOneWins()
    {
        var store = await CreateRepositoryAsync();
        var cart = Samples.Cart();
        await store.InsertAsync(cart);

        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i =>
            Task.Run(async () => await store.ReplaceAsync(Samples.Next(cart, c => c with { Lines = [c.Lines[0] with { Quantity = i }] }), 1))));

        Assert.Single(results, r => r == CartWriteResult.Written);
        Assert.Equal(15, results.Count(r => r == CartWriteResult.VersionConflict));
        Assert.Equal(2, (await store.GetAsync(cart.Id))!.Version);
    }

    [StorageFact]
    public async Task AUser_HasAtMostOneActiveCart()
    {
        var store = await CreateRepositoryAsync();
        var first = Samples.Cart(userId: "user-1");
        await store.InsertAsync(first);

        Assert.Equal(CartWriteResult.UserHasActiveCart, await store.InsertAsync(Samples.Cart(userId: "user-1")));

        // Adopting a guest cart for that user is refused too, while a completed cart of theirs is fine.
        var guest = Samples.Cart();
        await store.InsertAsync(guest);
        Assert.Equal(CartWriteResult.UserHasActiveCart, await store.ReplaceAsync(Samples.Next(guest, c => c with { Owner = c.Owner with { UserId = "user-1" } }), 1));
        Assert.Equal(CartWriteResult.Written, await store.InsertAsync(Samples.Cart(userId: "user-1", status: CartStatus.Completed)));

        // Once the first is completed the user may have a new active cart.
        Assert.Equal(CartWriteResult.Written, await store.ReplaceAsync(Samples.Next(first, c => c with { Status = CartStatus.Completed }), 1));
        Assert.Equal(CartWriteResult.Written, await store.InsertAsync(Samples.Cart(userId: "user-1")));
    }

    [StorageFact]
    public async Task ConcurrentActiveCartsForOneUser_OnlyOneIsStored()
    {
        var store = await CreateRepositoryAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await store.InsertAsync(Samples.Cart(userId: "user-race")))));

        Assert.Single(results, r => r == CartWriteResult.Written);
        Assert.All(results.Where(r => r != CartWriteResult.Written), r => Assert.Equal(CartWriteResult.UserHasActiveCart, r));
    }

    [StorageFact]
    public async Task FindActiveBySession_FindsOnlyTheActiveCart()
    {
        var store = await CreateRepositoryAsync();
        var active = Samples.Cart();
        var merged = Samples.Cart(sessionId: active.Owner.SessionId, status: CartStatus.Merged);
        await store.InsertAsync(merged);
        await store.InsertAsync(active);

        Assert.Equal(active.Id, (await store.FindActiveBySessionAsync(active.Owner.SessionId))?.Id);

        await store.ReplaceAsync(Samples.Next(active, c => c with { Status = CartStatus.Completed }), 1);
        Assert.Null(await store.FindActiveBySessionAsync(active.Owner.SessionId));
    }

    [StorageFact]
    public async Task FindActiveByUser_FindsTheUsersActiveCart()
    {
        var store = await CreateRepositoryAsync();
        var completed = Samples.Cart(userId: "user-1", status: CartStatus.Completed);
        var active = Samples.Cart(userId: "user-1");
        await store.InsertAsync(completed);
        await store.InsertAsync(active);
        await store.InsertAsync(Samples.Cart(userId: "user-2"));

        Assert.Equal(active.Id, (await store.FindActiveByUserAsync("user-1"))?.Id);
        Assert.Null(await store.FindActiveByUserAsync("user-3"));
    }

    [StorageFact]
    public async Task FindInactive_PagesThroughStaleActiveCarts_OldestFirst()
    {
        var store = await CreateRepositoryAsync();
        var threshold = Samples.T0;
        var stale = Enumerable.Range(1, 5).Select(i => Samples.Cart(lastActivity: threshold.AddMinutes(-i))).ToList();
        var sameInstant = Samples.Cart(lastActivity: threshold.AddMinutes(-3));
        stale.Add(sameInstant);
        foreach (var cart in stale)
        {
            await store.InsertAsync(cart);
        }

        await store.InsertAsync(Samples.Cart(lastActivity: threshold.AddSeconds(1)));
        await store.InsertAsync(Samples.Cart(lastActivity: threshold.AddMinutes(-10), status: CartStatus.Completed));
        await store.InsertAsync(Samples.Cart(lastActivity: threshold.AddMinutes(-10), status: CartStatus.Merged));

        var seen = new List<Cart>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.FindInactiveAsync(threshold, 2, token);
            Assert.InRange(page.Carts.Count, 1, 2);
            seen.AddRange(page.Carts);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        var expected = stale.OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id);
        Assert.Equal(expected, seen.Select(c => c.Id));
    }

    [StorageFact]
    public async Task FindInactive_RefusesATokenItDidNotIssue_AndPageSizesOutside1To1000()
    {
        var store = await CreateRepositoryAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.FindInactiveAsync(Samples.T0, 10, "{\"$gt\":\"\"}"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.FindInactiveAsync(Samples.T0, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.FindInactiveAsync(Samples.T0, 1001));
    }

    [StorageFact]
    public async Task StoredCarts_DoNotAliasTheCallersCollections()
    {
        var store = await CreateRepositoryAsync();
        var lines = new List<LineItem>(Samples.Cart().Lines);
        var cart = Samples.Cart() with { Lines = lines };
        await store.InsertAsync(cart);

        lines.Clear();

        Assert.Equal(2, (await store.GetAsync(cart.Id))!.Lines.Count);
    }
}
