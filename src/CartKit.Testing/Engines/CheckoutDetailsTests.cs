using CartKit.Carts;
using CartKit.Domain;
using CartKit.Pricing;
using CartKit.Sessions;
using CartKit.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Testing.Engines;

/// <summary>
/// Checkout details on the cart: setting, clearing and validating them, the pricing hook seeing them and accepting
/// discount codes and shipping methods, what happens to a kept code that stops applying, and the order's snapshot.
/// Run against every storage profile.
/// </summary>
public abstract class CheckoutDetailsTests<TStorage> : EngineTestBase<TStorage>
    where TStorage : StorageProfile, new()
{
    private static readonly PostalAddress Berlin = new() { Name = "Ada Lovelace", Line1 = "Unter den Linden 1", City = "Berlin", PostalCode = "10117", Country = "DE" };
    private static readonly PostalAddress Antarctica = new() { Name = "Base", Line1 = "McMurdo Station", City = "Ross Island", Country = "AQ" };

    [StorageFact]
    public async Task SetDetails_StoresEveryFieldNormalized_AndTheCartReturnsThem()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        var withLine = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        var cart = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(
            session,
            new CheckoutDetails
            {
                Email = "  ada@example.com ",
                ShippingAddress = Berlin with { Country = "de", Line2 = "  ", Region = " Berlin " },
                BillingAddress = Antarctica,
                ShippingMethod = "standard",
                DiscountCodes = ["tenoff", "TenOff"],
            },
            CheckoutDetailsFields.All));

        var expected = new CheckoutDetails
        {
            Email = "ada@example.com",
            ShippingAddress = Berlin with { Region = "Berlin" },
            BillingAddress = Antarctica,
            ShippingMethod = "standard",
            DiscountCodes = ["TENOFF"],
        };
        StoreAssert.SameDetails(expected, cart.Details);
        Assert.Equal(withLine.Version + 1, cart.Version);
        StoreAssert.SameDetails(expected, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Details);
        StoreAssert.SameDetails(expected, (await kit.CartStore.GetAsync(cart.Id))!.Details);
    }

    [StorageFact]
    public async Task SetDetails_FieldsNotNamedKeepTheirValues_AndANamedNullClearsOne()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);
        await kit.Carts.SetCheckoutDetailsAsync(
            session,
            new CheckoutDetails { Email = "ada@example.com", ShippingAddress = Berlin, ShippingMethod = "standard", DiscountCodes = [TestDiscountCodes.TenOff] },
            CheckoutDetailsFields.All);

        var billing = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(
            session, new CheckoutDetails { BillingAddress = Antarctica, Email = "ignored@example.com" }, CheckoutDetailsFields.BillingAddress));
        var cleared = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(
            session, new CheckoutDetails(), CheckoutDetailsFields.Email | CheckoutDetailsFields.DiscountCodes));

        Assert.Equal("ada@example.com", billing.Details.Email);
        Assert.Equal(Antarctica, billing.Details.BillingAddress);
        Assert.Equal(Berlin, billing.Details.ShippingAddress);
        Assert.Null(cleared.Details.Email);
        Assert.Empty(cleared.Details.DiscountCodes);
        Assert.DoesNotContain(cleared.Adjustments, a => a.Name == "10% off");
        Assert.Equal(Berlin, cleared.Details.ShippingAddress);
        Assert.Equal("standard", cleared.Details.ShippingMethod);

        var none = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails(), CheckoutDetailsFields.All));
        Assert.True(none.Details.IsEmpty);
        Assert.Equal(1250, none.Total.Amount);
    }

    [StorageFact]
    public async Task SetDetails_TheValuesTheCartAlreadyHas_WritesNothing()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var first = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { Email = "ada@example.com" }, CheckoutDetailsFields.Email));

        var again = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { Email = " ada@example.com" }, CheckoutDetailsFields.All));
        var nothing = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails(), CheckoutDetailsFields.None));

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.Version, nothing.Version);
        Assert.Equal(2, first.Version);
    }

    [StorageTheory]
    [InlineData("email", "not-an-email")]
    [InlineData("email", "a@b")]
    [InlineData("email", "two@at@example.com")]
    [InlineData("email", "ada @example.com")]
    [InlineData("email", "long")]
    [InlineData("shippingAddress.country", "XX")]
    [InlineData("shippingAddress.country", "DEU")]
    [InlineData("shippingAddress.country", "")]
    [InlineData("shippingAddress.name", "")]
    [InlineData("shippingAddress.line1", "   ")]
    [InlineData("shippingAddress.city", "long")]
    [InlineData("shippingAddress.postalCode", "10117;DROP")]
    [InlineData("shippingAddress.postalCode", "long")]
    [InlineData("shippingAddress.region", "control")]
    [InlineData("billingAddress.line2", "long")]
    [InlineData("shippingMethod", "next day")]
    [InlineData("shippingMethod", "long")]
    [InlineData("discountCodes[1]", "BAD CODE")]
    [InlineData("discountCodes[1]", "")]
    [InlineData("discountCodes[1]", "long")]
    [InlineData("discountCodes", "eleven")]
    public async Task SetDetails_AnInvalidValue_IsAValidationErrorNamingTheField_AndWritesNothing(string field, string value)
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        var before = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        var error = ResultAssert.Failure(
            await kit.Carts.SetCheckoutDetailsAsync(session, Invalid(field, value), CheckoutDetailsFields.All),
            CartKitErrorCode.Validation);

        Assert.Equal(field, error.Target);
        Assert.Contains(field.Split('[')[0], error.Message, StringComparison.Ordinal);
        Assert.Equal(before.Version, ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Version);
    }

    [StorageFact]
    public async Task SetDetails_AcceptsValuesAtTheirBounds_AndAnyAssignedCountryInAnyCase()
    {
        var kit = NewHarness();
        var session = await kit.NewSessionAsync();
        var local = new string('a', 64);
        var email = $"{local}@{new string('b', CartWriteRules.MaxEmailLength - local.Length - 5)}.com";
        var longest = new string('x', CartWriteRules.MaxAddressFieldLength);

        var cart = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(
            session,
            new CheckoutDetails
            {
                Email = email,
                ShippingAddress = new() { Name = longest, Line1 = longest, Line2 = longest, City = longest, Region = longest, PostalCode = new string('9', 16), Country = "jp" },
                BillingAddress = Berlin with { Country = "Gb" },
            },
            CheckoutDetailsFields.Email | CheckoutDetailsFields.ShippingAddress | CheckoutDetailsFields.BillingAddress));

        Assert.Equal(CartWriteRules.MaxEmailLength, cart.Details.Email!.Length);
        Assert.Equal("JP", cart.Details.ShippingAddress!.Country);
        Assert.Equal("GB", cart.Details.BillingAddress!.Country);
    }

    [StorageFact]
    public async Task SetDetails_WithAStaleExpectedVersion_IsRefused_AndOnACompletedCartToo()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));
        var email = new CheckoutDetails { Email = "ada@example.com" };

        ResultAssert.Failure(await kit.Carts.SetCheckoutDetailsAsync(session, email, CheckoutDetailsFields.Email, cart.Version - 1), CartKitErrorCode.VersionMismatch);
        ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, email, CheckoutDetailsFields.Email, cart.Version));
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_details"));

        ResultAssert.Failure(
            await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { Email = "late@example.com" }, CheckoutDetailsFields.Email),
            CartKitErrorCode.CartCompleted);
        ResultAssert.Failure(
            await kit.Carts.SetCheckoutDetailsAsync(SessionIds.New(), email, CheckoutDetailsFields.Email),
            CartKitErrorCode.SessionNotFound);
    }

    [StorageFact]
    public async Task ADiscountCode_NoAdjustmentAccepts_IsRefusedNamingIt_AndNotKept()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        var before = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        var unknown = ResultAssert.Failure(
            await kit.Carts.SetCheckoutDetailsAsync(session, Codes(TestDiscountCodes.TenOff, "NOSUCHCODE"), CheckoutDetailsFields.DiscountCodes),
            CartKitErrorCode.DiscountCodeRefused);
        var inapplicable = ResultAssert.Failure(
            await kit.Carts.SetCheckoutDetailsAsync(session, Codes(TestDiscountCodes.BigSpender), CheckoutDetailsFields.DiscountCodes),
            CartKitErrorCode.DiscountCodeRefused);
        var guestOnly = ResultAssert.Failure(
            await kit.Carts.SetCheckoutDetailsAsync(session, Codes(TestDiscountCodes.Members), CheckoutDetailsFields.DiscountCodes),
            CartKitErrorCode.DiscountCodeRefused);

        Assert.Equal("discountCodes", unknown.Target);
        Assert.Contains("'NOSUCHCODE'", unknown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestDiscountCodes.TenOff, unknown.Message, StringComparison.Ordinal);
        Assert.Contains("'BIGSPENDER'", inapplicable.Message, StringComparison.Ordinal);
        Assert.Contains("'MEMBERS'", guestOnly.Message, StringComparison.Ordinal);
        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal(before.Version, cart.Version);
        Assert.Empty(cart.Details.DiscountCodes);
        Assert.Empty(cart.Adjustments);
    }

    [StorageFact]
    public async Task AnAcceptedDiscountCode_IsKept_AndPricedIntoTheCart()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync("member-1");
        await kit.Carts.AddItemAsync(new CartCaller(session, "member-1"), "SHIRT", 3);

        var cart = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(
            new CartCaller(session, "member-1"), Codes("bigspender", TestDiscountCodes.TenOff, "members"), CheckoutDetailsFields.DiscountCodes));

        // 3 x 19.99 = 59.97. Adjustments apply in the order of the codes as entered.
        Assert.Equal(new[] { "BIGSPENDER", "TENOFF", "MEMBERS" }, cart.Details.DiscountCodes);
        Assert.Equal(
            [new AdjustmentLine("5.00 off 50.00", new Money(-500, Currency.USD)), new AdjustmentLine("10% off", new Money(-599, Currency.USD)), new AdjustmentLine("Members 1.00 off", new Money(-100, Currency.USD))],
            cart.Adjustments);
        Assert.Equal(5997 - 500 - 599 - 100, cart.Total.Amount);
    }

    [StorageFact]
    public async Task DiscountCodesAndShippingMethods_AreRefusedOnAnEmptyCart_AndWithoutAnyAdjustment()
    {
        var priced = PricedHarness();
        var empty = await priced.NewSessionAsync();
        var plain = NewHarness();
        var unpriced = await plain.NewSessionAsync();
        await plain.Carts.AddItemAsync(unpriced, "MUG", 1);

        var emptyCode = ResultAssert.Failure(
            await priced.Carts.SetCheckoutDetailsAsync(empty, Codes(TestDiscountCodes.TenOff), CheckoutDetailsFields.DiscountCodes), CartKitErrorCode.DiscountCodeRefused);
        var emptyMethod = ResultAssert.Failure(
            await priced.Carts.SetCheckoutDetailsAsync(empty, new CheckoutDetails { ShippingMethod = "standard" }, CheckoutDetailsFields.ShippingMethod),
            CartKitErrorCode.ShippingMethodRefused);
        ResultAssert.Failure(
            await plain.Carts.SetCheckoutDetailsAsync(unpriced, Codes(TestDiscountCodes.TenOff), CheckoutDetailsFields.DiscountCodes), CartKitErrorCode.DiscountCodeRefused);
        ResultAssert.Failure(
            await plain.Carts.SetCheckoutDetailsAsync(unpriced, new CheckoutDetails { ShippingMethod = "standard" }, CheckoutDetailsFields.ShippingMethod),
            CartKitErrorCode.ShippingMethodRefused);

        Assert.Contains("empty cart", emptyCode.Message, StringComparison.Ordinal);
        Assert.Contains("empty cart", emptyMethod.Message, StringComparison.Ordinal);
        Assert.Equal("shippingMethod", emptyMethod.Target);

        // What needs no pricing is accepted on an empty cart.
        var email = ResultAssert.Success(await priced.Carts.SetCheckoutDetailsAsync(empty, new CheckoutDetails { Email = "ada@example.com", ShippingAddress = Berlin }, CheckoutDetailsFields.All));
        Assert.Equal("ada@example.com", email.Details.Email);
    }

    [StorageFact]
    public async Task AKeptDiscountCode_ThatStopsApplyingAfterALineEdit_IsDroppedByThatEdit_AndNotRestoredLater()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        var shirts = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "SHIRT", 3));
        ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, Codes(TestDiscountCodes.BigSpender, TestDiscountCodes.TenOff), CheckoutDetailsFields.DiscountCodes));

        // 1 x 19.99 is below 50.00: the edit succeeds, and the code that no longer applies goes with its discount.
        var fewer = ResultAssert.Success(await kit.Carts.SetQuantityAsync(session, shirts.Lines[0].ItemId, 1));
        var more = ResultAssert.Success(await kit.Carts.SetQuantityAsync(session, shirts.Lines[0].ItemId, 5));

        Assert.Equal([TestDiscountCodes.TenOff], fewer.Details.DiscountCodes);
        Assert.Equal([new AdjustmentLine("10% off", new Money(-199, Currency.USD))], fewer.Adjustments);
        Assert.Equal([TestDiscountCodes.TenOff], more.Details.DiscountCodes);
        Assert.Equal([TestDiscountCodes.TenOff], (await kit.CartStore.GetAsync(more.Id))!.Details.DiscountCodes);
    }

    [StorageFact]
    public async Task AnEmptiedCart_KeepsItsCodesUnpriced_UntilItHasLinesAgain()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "SHIRT", 3);
        ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, Codes(TestDiscountCodes.TenOff, TestDiscountCodes.BigSpender), CheckoutDetailsFields.DiscountCodes));

        var cleared = ResultAssert.Success(await kit.Carts.ClearAsync(session));
        var refilled = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        Assert.Equal([TestDiscountCodes.TenOff, TestDiscountCodes.BigSpender], cleared.Details.DiscountCodes);
        Assert.Empty(cleared.Adjustments);
        Assert.Equal([TestDiscountCodes.TenOff], refilled.Details.DiscountCodes);
        Assert.Equal(1250 - 125, refilled.Total.Amount);
    }

    [StorageFact]
    public async Task AShippingMethod_IsPricedWhenKnown_RefusedWhenNot_AndDroppedWhenItStopsBeingAvailable()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        var before = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        var unknown = ResultAssert.Failure(
            await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { ShippingMethod = "teleport" }, CheckoutDetailsFields.ShippingMethod),
            CartKitErrorCode.ShippingMethodRefused);
        var unavailable = ResultAssert.Failure(
            await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { ShippingMethod = "express", ShippingAddress = Antarctica }, CheckoutDetailsFields.All),
            CartKitErrorCode.ShippingMethodRefused);
        var express = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(
            session, new CheckoutDetails { ShippingMethod = "express", ShippingAddress = Berlin }, CheckoutDetailsFields.ShippingMethod | CheckoutDetailsFields.ShippingAddress));
        var moved = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { ShippingAddress = Antarctica }, CheckoutDetailsFields.ShippingAddress));

        Assert.Equal("shippingMethod", unknown.Target);
        Assert.Contains("'teleport'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("'express'", unavailable.Message, StringComparison.Ordinal);
        Assert.Equal(before.Version + 1, express.Version);
        Assert.Equal([new AdjustmentLine("Shipping (express)", new Money(1500, Currency.USD))], express.Adjustments);
        Assert.Equal(1250 + 1500, express.Total.Amount);

        // Moving the address where express does not go keeps the address and drops the method with its charge.
        Assert.Equal(Antarctica, moved.Details.ShippingAddress);
        Assert.Null(moved.Details.ShippingMethod);
        Assert.Empty(moved.Adjustments);
    }

    [StorageFact]
    public async Task Pricing_SeesTheCustomerTheDetailsTheCurrencyAndTheLines()
    {
        var recorder = new PricingRecorder();
        var kit = NewHarnessWith(b => b.Services.AddSingleton<ICartAdjustment>(recorder));
        var session = await kit.NewSessionAsync("user-7");
        var caller = new CartCaller(session, "user-7");
        await kit.Carts.AddItemAsync(caller, "MUG", 2);

        var cart = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(
            caller,
            new CheckoutDetails { Email = "ada@example.com", ShippingAddress = Berlin, BillingAddress = Antarctica },
            CheckoutDetailsFields.All));

        var seen = recorder.Seen.Last();
        Assert.Equal("user-7", seen.UserId);
        Assert.Equal("ada@example.com", seen.Email);
        Assert.Equal(Berlin, seen.ShippingAddress);
        Assert.Equal(Antarctica, seen.BillingAddress);
        Assert.Same(Currency.USD, seen.Currency);
        Assert.Equal(cart.Lines, seen.Lines);
        Assert.Empty(seen.DiscountCodes);
        Assert.Null(seen.ShippingMethod);
    }

    [StorageFact]
    public async Task Checkout_SnapshotsTheDetailsIntoTheOrder_AndPricesWithThem()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "SHIRT", 3);
        var cart = ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(
            session,
            new CheckoutDetails { Email = "ada@example.com", ShippingAddress = Berlin, ShippingMethod = "standard", DiscountCodes = [TestDiscountCodes.BigSpender] },
            CheckoutDetailsFields.All));

        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { Email = "changed@example.com" }, CheckoutDetailsFields.Email);

        StoreAssert.SameDetails(cart.Details, order.Details);
        Assert.Equal(cart.Adjustments, order.Adjustments);
        Assert.Equal(cart.Total, order.Total);
        StoreAssert.SameDetails(cart.Details, ResultAssert.Success(await kit.Checkout.GetOrderAsync(order.Id)).Details);
        StoreAssert.SameDetails(cart.Details, (await kit.OrderStore.GetAsync(order.Id))!.Details);
    }

    [StorageFact]
    public async Task APriceDrop_AtCheckout_IsShownFirst_AndTheCartKeepsOnlyTheCodesThatStillApply()
    {
        var kit = PricedHarness();
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "SHIRT", 3);
        ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, Codes(TestDiscountCodes.BigSpender, TestDiscountCodes.TenOff), CheckoutDetailsFields.DiscountCodes));
        kit.Catalog.SetPrice("SHIRT", 1000);

        // The new prices are shown before an order is made; re-pricing the cart drops the code that no longer applies.
        ResultAssert.Failure(await kit.Checkout.CheckoutAsync(session), CartKitErrorCode.PriceChanged);
        Assert.Equal([TestDiscountCodes.TenOff], ResultAssert.Success(await kit.Carts.GetCartAsync(session)).Details.DiscountCodes);
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;

        Assert.Equal([TestDiscountCodes.TenOff], order.Details.DiscountCodes);
        Assert.Equal([new AdjustmentLine("10% off", new Money(-300, Currency.USD))], order.Adjustments);
        Assert.Equal(2700, order.Total.Amount);
    }

    [StorageFact]
    public async Task SignIn_MergeFillsTheFieldsTheUsersCartLacks_FromTheGuestCart()
    {
        var kit = PricedHarness();
        var device = await kit.NewSessionAsync("user-1");
        var user = new CartCaller(device, "user-1");
        await kit.Carts.AddItemAsync(user, "MUG", 1);
        await kit.Carts.SetCheckoutDetailsAsync(user, new CheckoutDetails { Email = "user@example.com", DiscountCodes = [TestDiscountCodes.Members] }, CheckoutDetailsFields.All);
        var guest = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(guest, "SHIRT", 3);
        await kit.Carts.SetCheckoutDetailsAsync(
            guest,
            new CheckoutDetails { Email = "guest@example.com", ShippingAddress = Berlin, DiscountCodes = [TestDiscountCodes.BigSpender] },
            CheckoutDetailsFields.All);

        var merged = ResultAssert.Success(await kit.Carts.AttachUserAsync(guest, "user-1"));

        Assert.Equal("user@example.com", merged.Details.Email);
        Assert.Equal(Berlin, merged.Details.ShippingAddress);
        Assert.Equal([TestDiscountCodes.Members, TestDiscountCodes.BigSpender], merged.Details.DiscountCodes);
        Assert.Equal(1250 + 5997 - 100 - 500, merged.Total.Amount);
    }

    [StorageFact]
    public async Task ConcurrentUpdatesOfDifferentFields_FromTwoProcesses_AreAllKept()
    {
        var kit = PricedHarness();
        var other = AnotherInstanceOf(kit);
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);

        await Task.WhenAll(
            Task.Run(async () => ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { Email = "ada@example.com" }, CheckoutDetailsFields.Email))),
            Task.Run(async () => ResultAssert.Success(await other.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { ShippingAddress = Berlin }, CheckoutDetailsFields.ShippingAddress))),
            Task.Run(async () => ResultAssert.Success(await kit.Carts.SetCheckoutDetailsAsync(session, new CheckoutDetails { ShippingMethod = "standard" }, CheckoutDetailsFields.ShippingMethod))),
            Task.Run(async () => ResultAssert.Success(await other.Carts.AddItemAsync(session, "MUG", 1))));

        var cart = ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        Assert.Equal("ada@example.com", cart.Details.Email);
        Assert.Equal(Berlin, cart.Details.ShippingAddress);
        Assert.Equal("standard", cart.Details.ShippingMethod);
        Assert.Equal(2, cart.ItemCount);
        Assert.Equal(2500 + 500, cart.Total.Amount);
        Assert.Equal(6, cart.Version);
    }

    private CartKitHarness PricedHarness() =>
        NewHarnessWith(b => b.AddCartAdjustment<TestDiscountCodes>().AddCartAdjustment<TestShipping>());

    private static CheckoutDetails Codes(params string[] codes) => new() { DiscountCodes = codes };

    private static CheckoutDetails Invalid(string field, string value)
    {
        var text = value switch
        {
            "long" => new string('a', 300) + "@example.com",
            "control" => "North\u0007",
            _ => value,
        };
        var address = Berlin;
        return field switch
        {
            "email" => new CheckoutDetails { Email = text },
            "shippingAddress.country" => new CheckoutDetails { ShippingAddress = address with { Country = text } },
            "shippingAddress.name" => new CheckoutDetails { ShippingAddress = address with { Name = text } },
            "shippingAddress.line1" => new CheckoutDetails { ShippingAddress = address with { Line1 = text } },
            "shippingAddress.city" => new CheckoutDetails { ShippingAddress = address with { City = text } },
            "shippingAddress.postalCode" => new CheckoutDetails { ShippingAddress = address with { PostalCode = text } },
            "shippingAddress.region" => new CheckoutDetails { ShippingAddress = address with { Region = text } },
            "billingAddress.line2" => new CheckoutDetails { BillingAddress = address with { Line2 = text } },
            "shippingMethod" => new CheckoutDetails { ShippingMethod = text },
            "discountCodes[1]" => new CheckoutDetails { DiscountCodes = [TestDiscountCodes.TenOff, text] },
            "discountCodes" => new CheckoutDetails { DiscountCodes = [.. Enumerable.Range(0, 11).Select(i => $"CODE{i}")] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }
}
