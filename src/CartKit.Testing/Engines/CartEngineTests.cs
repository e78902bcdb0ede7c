using CartKit.Carts;
using CartKit.Domain;

namespace CartKit.Testing.Engines;

/// <summary>The cart engine's rules, one test each, run against every storage profile.</summary>
public abstract class CartEngineTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    [StorageFact]
    public async Task CreateSession_GivesAnEmptyActiveCartAtVersion1()
    {
        var kit = NewHarness();

        var created = ResultAssert.Success(await kit.Carts.CreateSessionAsync());

        Assert.Equal(32, created.SessionId.Length);
        Assert.Equal(kit.Time.GetUtcNow() + TimeSpan.FromMinutes(30), created.ExpiresAt);
        Assert.Empty(created.Cart.Lines);
        Assert.Equal(1, created.Cart.Version);
        Assert.Equal(CartStatus.Active, created.Cart.Status);
        Assert.Same(Currency.USD, created.Cart.Currency);
        Assert.Equal(created.SessionId, created.Cart.Owner.SessionId);
        Assert.Equal(created.Cart.Id, ResultAssert.Success(await kit.Carts.GetCartAsync(created.SessionId)).Id);
    }

    [StorageFact]
    public async Task AddItem_PricesTheLineFromTheCatalog()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();

        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 2));

        var line = Assert.Single(cart.Lines);
        Assert.Equal("SHIRT", line.Sku);
        Assert.Equal("Shirt", line.Name);
        Assert.Equal(new Money(1999, Currency.USD), line.UnitPrice);
        Assert.Equal(new Money(3998, Currency.USD), line.LineTotal);
        Assert.Equal(2, cart.ItemCount);
        Assert.Equal(new Money(3998, Currency.USD), cart.Subtotal);
        Assert.Equal(cart.Subtotal, cart.Total);
        Assert.Equal(12, line.ItemId.Length);
    }

    [StorageFact]
    public async Task AddItem_TheSameSkuTwice_MergesIntoOneLine_WithTheSameItemId()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var first = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        var second = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 3));

        var line = Assert.Single(second.Lines);
        Assert.Equal(first.Lines[0].ItemId, line.ItemId);
        Assert.Equal(4, line.Quantity);
    }

    [StorageFact]
    public async Task AddItem_RepricesAnExistingLine_WhenTheCatalogPriceChanged()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        kit.Catalog.SetPrice("MUG", 1500);

        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        Assert.Equal(new Money(3000, Currency.USD), cart.Lines[0].LineTotal);
    }

    [StorageTheory]
    [InlineData("NOPE", CartKitErrorCode.ProductNotFound)]
    [InlineData("POSTER", CartKitErrorCode.ProductUnavailable)]
    [InlineData("bad sku!", CartKitErrorCode.Validation)]
    [InlineData("", CartKitErrorCode.Validation)]
    [InlineData("{\"$gt\":\"\"}", CartKitErrorCode.Validation)]
    public async Task AddItem_RefusesSkusTheCatalogCannotSell(string sku, CartKitErrorCode expected)
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();

        var error = ResultAssert.Failure(await kit.Carts.AddItemAsync(session, sku, 1), expected);

        Assert.Equal("sku", error.Target);
        await AssertUnchangedAsync(kit, session, version: 1);
    }

    [StorageTheory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task AddItem_RefusesQuantitiesBelowOne(int quantity)
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();

        var error = ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "MUG", quantity), CartKitErrorCode.Validation);

        Assert.Equal("quantity", error.Target);
    }

    [StorageFact]
    public async Task AddItem_BeyondTheQuantityLimit_IsRefusedAndChangesNothing()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 98);

        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "MUG", 2), CartKitErrorCode.QuantityLimitExceeded);
        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "SHIRT", 100), CartKitErrorCode.QuantityLimitExceeded);
        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "SHIRT", int.MaxValue), CartKitErrorCode.QuantityLimitExceeded);

        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        Assert.Equal(99, cart.Lines.Single().Quantity);
    }

    [StorageFact]
    public async Task AddItem_BeyondTheLineLimit_IsRefused()
    {
        var kit = NewHarness(o => o.MaxLinesPerCart = 2);
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        await kit.Carts.AddItemAsync(session, "SHIRT", 1);

        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "CAP", 1), CartKitErrorCode.LineLimitExceeded);

        // An existing line can still grow.
        Assert.Equal(2, ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1)).Lines[0].Quantity);
    }

    [StorageFact]
    public async Task AnEmptyCart_TakesTheCurrencyOfItsFirstProduct_ThenRefusesOthers()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();

        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MATCHA-JP", 3));
        Assert.Same(Currency.JPY, cart.Currency);
        Assert.Equal(new Money(4500, Currency.JPY), cart.Total);
        Assert.Equal("4500 JPY", cart.Total.ToString());

        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "MUG", 1), CartKitErrorCode.CurrencyMismatch);
    }

    [StorageFact]
    public async Task BahrainiDinarCarts_KeepThreeDigitMinorUnits()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();

        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "DATES-BH", 3));

        Assert.Same(Currency.BHD, cart.Currency);
        Assert.Equal(3750, cart.Total.Amount);
        Assert.Equal("3.750 BHD", cart.Total.ToString());
    }

    [StorageFact]
    public async Task SetQuantity_ChangesTheLine_AndZeroRemovesIt()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        var itemId = cart.Lines[0].ItemId;

        Assert.Equal(7, ResultAssert.Success(await kit.Carts.SetQuantityAsync(session, itemId, 7)).Lines[0].Quantity);
        Assert.Empty(ResultAssert.Success(await kit.Carts.SetQuantityAsync(session, itemId, 0)).Lines);
    }

    [StorageFact]
    public async Task SetQuantity_RefusesUnknownItemsNegativeQuantitiesAndTheLimit()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        var itemId = cart.Lines[0].ItemId;

        ResultAssert.Failure(await kit.Carts.SetQuantityAsync(session, "AAAAAAAAAAAA", 1), CartKitErrorCode.ItemNotFound);
        ResultAssert.Failure(await kit.Carts.SetQuantityAsync(session, "../etc", 1), CartKitErrorCode.ItemNotFound);
        ResultAssert.Failure(await kit.Carts.SetQuantityAsync(session, itemId, -1), CartKitErrorCode.Validation);
        ResultAssert.Failure(await kit.Carts.SetQuantityAsync(session, itemId, 100), CartKitErrorCode.QuantityLimitExceeded);
        await AssertUnchangedAsync(kit, session, version: 2);
    }

    [StorageFact]
    public async Task SetQuantity_ToTheSameValue_DoesNotCreateAVersion()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 2));

        var same = ResultAssert.Success(await kit.Carts.SetQuantityAsync(session, cart.Lines[0].ItemId, 2));

        Assert.Equal(cart.Version, same.Version);
    }

    [StorageFact]
    public async Task RemoveItem_AndClear_EmptyTheCart()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 1));

        var removed = ResultAssert.Success(await kit.Carts.RemoveItemAsync(session, cart.Lines[0].ItemId));
        Assert.Equal("SHIRT", Assert.Single(removed.Lines).Sku);
        ResultAssert.Failure(await kit.Carts.RemoveItemAsync(session, cart.Lines[0].ItemId), CartKitErrorCode.ItemNotFound);

        var cleared = ResultAssert.Success(await kit.Carts.ClearAsync(session));
        Assert.Empty(cleared.Lines);
        Assert.Equal(Money.Zero(Currency.USD), cleared.Total);
    }

    [StorageFact]
    public async Task EveryChange_IncrementsTheVersion_AndStampsTheTime()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var created = kit.Time.GetUtcNow();

        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var v2 = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var v3 = ResultAssert.Success(await kit.Carts.SetQuantityAsync(session, v2.Lines[0].ItemId, 2));

        Assert.Equal([2L, 3L], [v2.Version, v3.Version]);
        Assert.Equal(created, v3.CreatedAt);
        Assert.Equal(created.AddMinutes(2), v3.UpdatedAt);
        Assert.Equal(created.AddMinutes(2), v3.LastActivityAt);
    }

    [StorageFact]
    public async Task ExpectedVersion_WhenStale_IsAConflictNotAnOverwrite()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var v2 = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1, expected: 1));

        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "SHIRT", 1, expected: 1), CartKitErrorCode.VersionMismatch);
        ResultAssert.Failure(await kit.Carts.RemoveItemAsync(session, v2.Lines[0].ItemId, expected: 1), CartKitErrorCode.VersionMismatch);
        await AssertUnchangedAsync(kit, session, version: 2);

        Assert.Equal(3, ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 1, expected: 2)).Version);
    }

    [StorageFact]
    public async Task ExpectedCart_NamesTheCart_SoAnotherCartAtTheSameVersionIsRefused()
    {
        var kit = NewHarness();
        var first = await kit.NewSessionAsync();
        var second = await kit.NewSessionAsync();
        var firstCart = ResultAssert.Success(await kit.Carts.AddItemAsync(first, "MUG", 1));
        var secondCart = ResultAssert.Success(await kit.Carts.AddItemAsync(second, "MUG", 1));
        Assert.Equal(firstCart.Version, secondCart.Version);

        ResultAssert.Failure(await kit.Carts.AddItemAsync(second, "SHIRT", 1, ExpectedCart.Of(firstCart)), CartKitErrorCode.VersionMismatch);
        ResultAssert.Failure(await kit.Carts.ClearAsync(second, ExpectedCart.Of(firstCart)), CartKitErrorCode.VersionMismatch);
        await AssertUnchangedAsync(kit, second, version: 2);

        var edited = ResultAssert.Success(await kit.Carts.AddItemAsync(second, "SHIRT", 1, ExpectedCart.Of(secondCart)));
        Assert.Equal(3, edited.Version);
        Assert.Equal(ExpectedCart.Of(secondCart).CartTag, ExpectedCart.Of(edited).CartTag);
        Assert.NotEqual(ExpectedCart.Of(firstCart).CartTag, ExpectedCart.Of(secondCart).CartTag);
    }

    [StorageFact]
    public async Task ExpectedCart_OfTheGuestCart_DoesNotMatchTheUsersCartItWasMergedInto_AtTheSameVersion()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        ResultAssert.Success(await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1));
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "SHIRT", 1);
        var guestCart = ResultAssert.Success(await kit.Carts.AddItemAsync(guest, "CAP", 1));

        // The merge lands the user's cart on the very version the guest last saw (2 + 1 = 3).
        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));
        Assert.NotEqual(guestCart.Id, merged.Id);
        Assert.Equal(guestCart.Version, merged.Version);

        var signedIn = new CartCaller(guest, "user-1");
        ResultAssert.Failure(await kit.Carts.AddItemAsync(signedIn, "MUG", 1, ExpectedCart.Of(guestCart)), CartKitErrorCode.VersionMismatch);
        ResultAssert.Failure(await kit.Carts.ClearAsync(signedIn, ExpectedCart.Of(guestCart)), CartKitErrorCode.VersionMismatch);
        Assert.Equal(merged.Version, ResultAssert.Success(await kit.Carts.GetCartAsync(signedIn)).Version);

        // A bare version cannot tell the carts apart; that is why HTTP tags carry the cart.
        Assert.True(ExpectedCart.FromVersion(guestCart.Version).Matches(merged));
        var edited = ResultAssert.Success(await kit.Carts.ClearAsync(signedIn, ExpectedCart.Of(merged)));
        Assert.Empty(edited.Lines);
    }

    [StorageFact]
    public async Task ExpectedCart_OfTheGuestCart_IsRefused_WhenTheEditItselfSignsInAndMerges()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        ResultAssert.Success(await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1));
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "SHIRT", 1);
        var guestCart = ResultAssert.Success(await kit.Carts.AddItemAsync(guest, "CAP", 1));

        // The first request as the user is the edit: it follows the merge, and the guest cart's tag names another cart.
        ResultAssert.Failure(
            await kit.Carts.AddItemAsync(new CartCaller(guest, "user-1"), "MUG", 1, ExpectedCart.Of(guestCart)),
            CartKitErrorCode.VersionMismatch);

        var merged = ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(guest, "user-1")));
        Assert.Equal(guestCart.Version, merged.Version);
        Assert.Equal(new[] { ("MUG", 1), ("SHIRT", 1), ("CAP", 1) }, merged.Lines.Select(l => (l.Sku, l.Quantity)));
    }

    [StorageTheory]
    [InlineData("")]
    [InlineData("not-a-session")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA*")]
    public async Task UnknownOrMalformedSessions_AreNotFound(string sessionId)
    {
        var kit = NewHarness();

        ResultAssert.Failure(await kit.Carts.GetCartAsync(sessionId), CartKitErrorCode.SessionNotFound);
        ResultAssert.Failure(await kit.Carts.AddItemAsync(sessionId, "MUG", 1), CartKitErrorCode.SessionNotFound);
        ResultAssert.Failure(await kit.Carts.ClearAsync(sessionId), CartKitErrorCode.SessionNotFound);
    }

    [StorageFact]
    public async Task Sessions_ExpireAfterTheTtl_UnlessUsed()
    {
        var kit = NewHarness(o => o.SessionTtl = TimeSpan.FromMinutes(10));
        var used = await kit.NewSessionAsync();
        var idle = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(idle, "MUG", 1);

        for (var i = 0; i < 3; i++)
        {
            kit.Time.Advance(TimeSpan.FromMinutes(6));
            ResultAssert.Success(await kit.Carts.GetCartAsync(used));
        }

        ResultAssert.Failure(await kit.Carts.GetCartAsync(idle), CartKitErrorCode.SessionNotFound);
    }

    [StorageFact]
    public async Task ASessionTheSessionStoreLost_IsRestoredFromTheSourceOfTruth()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 2));

        await kit.Sessions.RemoveAsync(session); // what a Redis flush or restart does
        kit.Time.Advance(TimeSpan.FromMinutes(20));

        var restored = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(cart.Id, restored.Id);
        Assert.Equal(2, restored.ItemCount);
        Assert.NotNull(await kit.Sessions.GetAsync(session));
    }

    [StorageFact]
    public async Task ASessionLostAfterItsTtl_StaysExpired_AndItsCartIsAbandoned()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 2));

        await kit.Sessions.RemoveAsync(session);
        kit.Time.Advance(TimeSpan.FromMinutes(31));

        ResultAssert.Failure(await kit.Carts.GetCartAsync(session), CartKitErrorCode.SessionNotFound);
        var stored = await kit.CartStore.GetAsync(cart.Id);
        Assert.Equal(CartStatus.Active, stored!.Status);
        Assert.True(stored.IsAbandonedAt(kit.Time.GetUtcNow(), TimeSpan.FromMinutes(30)));
    }

    [StorageFact]
    public async Task AbandonedCarts_AreListed_AndNothingIsDeleted()
    {
        var kit = NewHarness();
        var abandoned = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(abandoned, "MUG", 1);
        kit.Time.Advance(TimeSpan.FromMinutes(20));
        var recent = await kit.NewSessionAsync();
        kit.Time.Advance(TimeSpan.FromMinutes(15));

        var page = await kit.Carts.GetAbandonedCartsAsync();

        var cart = Assert.Single(page.Carts);
        Assert.Equal(abandoned, cart.Owner.SessionId);
        Assert.Null(page.ContinuationToken);
        Assert.NotNull(await kit.CartStore.GetAsync(cart.Id));
        ResultAssert.Success(await kit.Carts.GetCartAsync(recent));
    }

    [StorageFact]
    public async Task ACompletedCart_IsReadable_ButRefusesChanges()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(CartStatus.Completed, cart.Status);
        Assert.Equal(order.Id, cart.CompletedByOrderId);
        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "MUG", 1), CartKitErrorCode.CartCompleted);
        ResultAssert.Failure(await kit.Carts.ClearAsync(session), CartKitErrorCode.CartCompleted);
    }

    private static async Task AssertUnchangedAsync(CartKitHarness kit, string session, long version)
    {
        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(version, cart.Version);
    }
}
