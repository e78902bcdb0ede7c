using CartKit.Carts;
using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Testing.Engines;

/// <summary>Guest to signed-in: adopting, merging, visibility, and repair of a merge interrupted half way.</summary>
public abstract class CartMergeTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    [StorageFact]
    public async Task Attach_WhenTheUserHasNoActiveCart_AdoptsTheGuestCart()
    {
        var kit = NewHarness();
        var guest = await kit.NewSessionAsync();
        var before = ResultAssert.Success(await kit.Carts.AddItemAsync(guest, "MUG", 2));

        var cart = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal(before.Id, cart.Id);
        Assert.Equal("user-1", cart.Owner.UserId);
        Assert.Equal(2, cart.ItemCount);
        Assert.Equal(cart.Id, (await kit.CartStore.FindActiveByUserAsync("user-1"))?.Id);
        Assert.Equal("user-1", (await kit.Sessions.GetAsync(guest))!.Value.UserId);
    }

    [StorageFact]
    public async Task Attach_MergesTheGuestCartIntoTheUsersActiveCart_SummingQuantities()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 2);
        var userCart = ResultAssert.Success(await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "SHIRT", 1));
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MUG", 3);
        var guestCart = ResultAssert.Success(await kit.Carts.AddItemAsync(guest, "CAP", 1));

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal(userCart.Id, merged.Id);
        Assert.Equal(new[] { ("MUG", 5), ("SHIRT", 1), ("CAP", 1) }, merged.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Empty(merged.Warnings);
        Assert.Equal(merged.Version, ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(device, "user-1"))).Version);

        // The guest cart is kept, frozen, pointing at the cart its lines went to: nothing is deleted.
        var frozen = await kit.CartStore.GetAsync(guestCart.Id);
        Assert.Equal(CartStatus.Merged, frozen!.Status);
        Assert.Equal(userCart.Id, frozen.MergedIntoCartId);
        Assert.Equal(2, frozen.Lines.Count);
    }

    [StorageFact]
    public async Task Merge_Sum_CapsAQuantityAboveTheLineLimit_AndReportsIt()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        var userCart = ResultAssert.Success(await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 60));
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MUG", 60);
        await kit.Carts.AddItemAsync(guest, "SHIRT", 1);

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal(new[] { ("MUG", 99), ("SHIRT", 1) }, merged.Lines.Select(l => (l.Sku, l.Quantity)));
        var warning = Assert.Single(merged.Warnings);
        Assert.Equal((CartWarningCode.MergeQuantityCapped, "MUG", userCart.Lines[0].ItemId, 120, 99), (warning.Code, warning.Sku, warning.ItemId, warning.RequestedQuantity, warning.KeptQuantity));
        Assert.Equal("99 of the 120 units of MUG were kept: a line holds at most 99 units.", warning.Message);
    }

    [StorageTheory]
    [InlineData(CartMergeStrategy.Sum)]
    [InlineData(CartMergeStrategy.KeepUser)]
    [InlineData(CartMergeStrategy.KeepGuest)]
    public async Task Merge_LeavesOutLinesBeyondTheLineLimit_AndReportsEach(CartMergeStrategy strategy)
    {
        var kit = NewHarness(o =>
        {
            o.MaxLinesPerCart = 2;
            o.MergeStrategy = strategy;
        });
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1);
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "SHIRT", 1);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "CAP", 2);
        var guestCart = ResultAssert.Success(await kit.Carts.AddItemAsync(guest, "STICKER", 1));

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal(new[] { ("MUG", 1), ("SHIRT", 1) }, merged.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(
            new[] { (CartWarningCode.MergeLineDropped, "CAP", (string?)null, 2, 0), (CartWarningCode.MergeLineDropped, "STICKER", null, 1, 0) },
            merged.Warnings.Select(w => (w.Code, w.Sku, w.ItemId, w.RequestedQuantity, w.KeptQuantity)));
        Assert.Equal("CAP (2 units) from the cart you shopped as a guest was not added: a cart holds at most 2 lines.", merged.Warnings[0].Message);

        // What was left out is still on the guest cart, which is kept.
        Assert.Equal(2, (await kit.CartStore.GetAsync(guestCart.Id))!.Lines.Count);
    }

    [StorageFact]
    public async Task Merge_KeepUser_KeepsTheUsersQuantities_AndAddsTheGuestsOtherLines()
    {
        var kit = NewHarness(o => o.MergeStrategy = CartMergeStrategy.KeepUser);
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 2);
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "SHIRT", 1);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MUG", 5);
        await kit.Carts.AddItemAsync(guest, "CAP", 3);

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal(new[] { ("MUG", 2), ("SHIRT", 1), ("CAP", 3) }, merged.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Empty(merged.Warnings);
    }

    [StorageFact]
    public async Task Merge_KeepGuest_GivesTheUsersLinesTheGuestsQuantities_AndAddsTheGuestsOtherLines()
    {
        var kit = NewHarness(o => o.MergeStrategy = CartMergeStrategy.KeepGuest);
        var device = await kit.NewSessionAsync("user-1");
        var userMug = ResultAssert.Success(await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 2)).Lines[0];
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "SHIRT", 4);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "SHIRT", 1);
        await kit.Carts.AddItemAsync(guest, "MUG", 5);
        await kit.Carts.AddItemAsync(guest, "CAP", 3);

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal(new[] { ("MUG", 5), ("SHIRT", 1), ("CAP", 3) }, merged.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(userMug.ItemId, merged.Lines[0].ItemId);
        Assert.Empty(merged.Warnings);
    }

    [StorageFact]
    public async Task Merge_KeepGuest_CapsAGuestQuantityStoredUnderAHigherLimit_AndReportsIt()
    {
        var kit = NewHarness(o => o.MergeStrategy = CartMergeStrategy.KeepGuest);
        var device = await kit.NewSessionAsync("user-1");
        var userMug = ResultAssert.Success(await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1)).Lines[0];
        var guest = await kit.NewSessionAsync();
        var guestCart = ResultAssert.Success(await kit.Carts.AddItemAsync(guest, "MUG", 90));

        // The guest line was stored while the host allowed more units per line than it does now.
        var above = Samples.Next(guestCart, c => c with { Lines = [c.Lines[0] with { Quantity = 150 }] });
        Assert.Equal(CartWriteResult.Written, await kit.CartStore.ReplaceAsync(above, guestCart.Version));

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal(99, merged.Lines.Single().Quantity);
        var warning = Assert.Single(merged.Warnings);
        Assert.Equal((CartWarningCode.MergeQuantityCapped, "MUG", userMug.ItemId, 150, 99), (warning.Code, warning.Sku, warning.ItemId, warning.RequestedQuantity, warning.KeptQuantity));
    }

    [StorageFact]
    public async Task Merge_OfAGuestCartInAnotherCurrency_KeepsTheUsersLines_AndReportsEveryGuestLine()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MATCHA-JP", 2);

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal("MUG", merged.Lines.Single().Sku);
        var warning = Assert.Single(merged.Warnings);
        Assert.Equal((CartWarningCode.MergeLineDropped, "MATCHA-JP", (string?)null, 2, 0), (warning.Code, warning.Sku, warning.ItemId, warning.RequestedQuantity, warning.KeptQuantity));
        Assert.Equal("MATCHA-JP (2 units) from the cart you shopped as a guest was not added: it is priced in JPY and this cart in USD.", warning.Message);
    }

    [StorageTheory]
    [InlineData("add")]
    [InlineData("set quantity")]
    [InlineData("remove")]
    [InlineData("clear")]
    public async Task MergeWarnings_AreReportedOnce_ToEveryReader_UntilTheNextEditClearsThem(string edit)
    {
        var kit = NewHarness();
        var other = AnotherInstanceOf(kit);
        var device = await kit.NewSessionAsync("user-1");
        var user = new CartCaller(device, "user-1");
        await kit.Carts.AddItemAsync(user, "MUG", 60);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MUG", 60);
        var signedIn = new CartCaller(guest, "user-1");

        // The merge happens inside whichever request first meets the signed-in user, here a read.
        var merged = ResultAssert.Success(await kit.Carts.GetCartAsync(signedIn));
        Assert.Single(merged.Warnings);

        // Read again, attached again, from another device, from another process: the same single report.
        Assert.Single(ResultAssert.Success(await kit.Carts.GetCartAsync(signedIn)).Warnings);
        Assert.Single(ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1")).Warnings);
        Assert.Single(ResultAssert.Success(await other.Carts.GetCartAsync(user)).Warnings);

        // An edit that changes nothing writes nothing, and keeps them.
        Assert.Single(ResultAssert.Success(await kit.Carts.SetQuantityAsync(user, merged.Lines[0].ItemId, 99)).Warnings);

        var edited = edit switch
        {
            "add" => await kit.Carts.AddItemAsync(user, "SHIRT", 1),
            "set quantity" => await kit.Carts.SetQuantityAsync(user, merged.Lines[0].ItemId, 10),
            "remove" => await kit.Carts.RemoveItemAsync(user, merged.Lines[0].ItemId),
            _ => await kit.Carts.ClearAsync(user),
        };

        Assert.Empty(ResultAssert.Success(edited).Warnings);
        Assert.Empty(ResultAssert.Success(await kit.Carts.GetCartAsync(signedIn)).Warnings);
        Assert.Empty(ResultAssert.Success(await other.Carts.GetCartAsync(user)).Warnings);
    }

    [StorageFact]
    public async Task AnEditThatSignsIn_AnswersWithTheWarningsOfTheMergeItMade_AndTheNextEditClearsThem()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 60);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MUG", 60);
        var signedIn = new CartCaller(guest, "user-1");

        var first = ResultAssert.Success(await kit.Carts.AddItemAsync(signedIn, "SHIRT", 1));

        Assert.Equal(new[] { ("MUG", 99), ("SHIRT", 1) }, first.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal(CartWarningCode.MergeQuantityCapped, Assert.Single(first.Warnings).Code);
        Assert.Empty(ResultAssert.Success(await kit.Carts.AddItemAsync(signedIn, "CAP", 1)).Warnings);
    }

    [StorageFact]
    public async Task MergeWarnings_OfSeveralGuestCarts_AddUp_WithinTheLineLimit()
    {
        var kit = NewHarness(o => o.MaxLinesPerCart = 2);
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1);
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "SHIRT", 1);
        foreach (var sku in new[] { "CAP", "STICKER", "MATCHA-JP" })
        {
            var guest = await kit.NewSessionAsync();
            await kit.Carts.AddItemAsync(guest, sku, 1);
            await kit.Carts.AttachUserAsync(guest, "user-1");
        }

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(device, "user-1")));

        // Three merges nobody has seen yet: the most recent reports, at most as many as a cart has lines.
        Assert.Equal(new[] { "STICKER", "MATCHA-JP" }, cart.Warnings.Select(w => w.Sku));
    }

    [StorageFact]
    public async Task Merge_IsAppliedOnce_HoweverOftenTheUserAttaches()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MUG", 1);

        await kit.Carts.AttachUserAsync(guest, "user-1");
        await kit.Carts.AttachUserAsync(guest, "user-1");
        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(guest, "user-1")));

        Assert.Equal(2, cart.Lines.Single().Quantity);
    }

    [StorageFact]
    public async Task ASignedInCaller_OnAGuestSession_IsAttachedImplicitly()
    {
        var kit = NewHarness();
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MUG", 1);

        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(new CartCaller(guest, "user-1"), "SHIRT", 1));

        Assert.Equal("user-1", cart.Owner.UserId);
        Assert.Equal(2, cart.Lines.Count);
    }

    [StorageFact]
    public async Task AUsersCart_IsNotVisibleThroughAnotherIdentity()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AttachUserAsync(session, "user-1");

        ResultAssert.Failure(await kit.Carts.GetCartAsync(session), CartKitErrorCode.SessionNotFound);
        ResultAssert.Failure(await kit.Carts.GetCartAsync(new CartCaller(session, "user-2")), CartKitErrorCode.SessionNotFound);
        ResultAssert.Failure(await kit.Carts.AddItemAsync(session, "MUG", 1), CartKitErrorCode.SessionNotFound);
        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.SessionNotFound);
        ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(session, "user-1")));
    }

    [StorageFact]
    public async Task CreateSession_ForAUserWithAnActiveCart_JoinsIt()
    {
        var kit = NewHarness();
        var first = ResultAssert.Success(await kit.Carts.CreateSessionAsync("user-1"));
        await kit.Carts.AddItemAsync(new CartCaller(first.SessionId, "user-1"), "MUG", 1);

        var second = ResultAssert.Success(await kit.Carts.CreateSessionAsync("user-1"));

        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(first.Cart.Id, second.Cart.Id);
        Assert.Equal(1, second.Cart.ItemCount);
    }

    [StorageTheory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("user\u0000null")]
    public async Task MalformedUserIds_AreRefused(string userId)
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();

        ResultAssert.Failure(await kit.Carts.CreateSessionAsync(userId), CartKitErrorCode.Validation);
        ResultAssert.Failure(await kit.Carts.AttachUserAsync(session, userId), CartKitErrorCode.Validation);
        ResultAssert.Failure(await kit.Carts.GetCartAsync(new CartCaller(session, userId)), CartKitErrorCode.Validation);
        ResultAssert.Failure(await kit.Carts.AttachUserAsync(session, new string('u', 257)), CartKitErrorCode.Validation);
    }

    [StorageFact]
    public async Task AMergeInterruptedAfterTheFreeze_IsCompletedByTheNextReader()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        var userCart = ResultAssert.Success(await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1));
        var guest = await kit.NewSessionAsync();
        var guestCart = ResultAssert.Success(await kit.Carts.AddItemAsync(guest, "SHIRT", 2));

        // A process froze the guest cart for the merge and died before writing the user's cart.
        var frozen = Samples.Next(guestCart, c => c with { Status = CartStatus.Merged, MergedIntoCartId = userCart.Id });
        Assert.Equal(CartWriteResult.Written, await kit.CartStore.ReplaceAsync(frozen, guestCart.Version));

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(guest, "user-1")));

        Assert.Equal(userCart.Id, cart.Id);
        Assert.Equal(new[] { ("MUG", 1), ("SHIRT", 2) }, cart.Lines.Select(l => (l.Sku, l.Quantity)));
        Assert.Contains(guestCart.Id, cart.MergedCartIds);
    }

    [StorageFact]
    public async Task AMergeWhoseTargetWasCompletedMeanwhile_GivesTheGuestCartBackToTheUser()
    {
        var kit = NewHarness();
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 1);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(new CartCaller(device, "user-1"))).Order;
        var guest = await kit.NewSessionAsync();
        var guestCart = ResultAssert.Success(await kit.Carts.AddItemAsync(guest, "SHIRT", 2));

        // The guest cart was frozen towards the user's cart, which was then paid before the merge landed.
        var frozen = Samples.Next(guestCart, c => c with { Status = CartStatus.Merged, MergedIntoCartId = order.CartId });
        await kit.CartStore.ReplaceAsync(frozen, guestCart.Version);
        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(guest, "user-1")));

        Assert.Equal(guestCart.Id, cart.Id);
        Assert.Equal(CartStatus.Active, cart.Status);
        Assert.Equal("user-1", cart.Owner.UserId);
        Assert.Equal(2, cart.ItemCount);
    }
}
