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
        Assert.Equal(merged.Version, ResultAssert.Success(await kit.Carts.GetCartAsync(new CartCaller(device, "user-1"))).Version);

        // The guest cart is kept, frozen, pointing at the cart its lines went to: nothing is deleted.
        var frozen = await kit.CartStore.GetAsync(guestCart.Id);
        Assert.Equal(CartStatus.Merged, frozen!.Status);
        Assert.Equal(userCart.Id, frozen.MergedIntoCartId);
        Assert.Equal(2, frozen.Lines.Count);
    }

    [StorageFact]
    public async Task Merge_CapsQuantitiesAndLinesAtTheLimits()
    {
        var kit = NewHarness(o => o.MaxLinesPerCart = 2);
        var device = await kit.NewSessionAsync("user-1");
        await kit.Carts.AddItemAsync(new CartCaller(device, "user-1"), "MUG", 60);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "MUG", 60);
        await kit.Carts.AddItemAsync(guest, "SHIRT", 1);

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal(new[] { ("MUG", 99), ("SHIRT", 1) }, merged.Lines.Select(l => (l.Sku, l.Quantity)));
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
