using System.Collections.Immutable;
using CartKit.Carts;
using CartKit.Domain;
using CartKit.Testing;

namespace CartKit.Tests.Domain;

public sealed class CheckoutDetailsTests
{
    [Fact]
    public void DetailsCopyTheCodesTheyAreGiven_AndKeepThemImmutable()
    {
        var codes = new List<string> { "A" };

        var details = new CheckoutDetails { DiscountCodes = codes };
        codes.Add("B");

        Assert.Equal(["A"], details.DiscountCodes);
        Assert.IsType<ImmutableArray<string>>(details.DiscountCodes);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)details.DiscountCodes)[0] = "C");
    }

    [Fact]
    public void DetailsAreEqual_WhenEveryFieldIs_TheCodesByContentAndOrder()
    {
        var one = Samples.Details with { DiscountCodes = ["A", "B"] };
        var same = Samples.Details with { DiscountCodes = new List<string> { "A", "B" } };

        Assert.Equal(one, same);
        Assert.Equal(one.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(one, same with { DiscountCodes = ["B", "A"] });
        Assert.NotEqual(one, same with { ShippingAddress = same.ShippingAddress! with { Line2 = null } });
        Assert.NotEqual(one, same with { Email = "other@example.com" });
        Assert.False(one.Equals(null));
    }

    [Fact]
    public void NoneIsEmpty_AndEveryFieldMakesDetailsNonEmpty()
    {
        Assert.True(CheckoutDetails.None.IsEmpty);
        Assert.True(new CheckoutDetails { DiscountCodes = [] }.IsEmpty);
        Assert.False(new CheckoutDetails { Email = "a@example.com" }.IsEmpty);
        Assert.False(new CheckoutDetails { ShippingAddress = Samples.Details.ShippingAddress }.IsEmpty);
        Assert.False(new CheckoutDetails { BillingAddress = Samples.Details.BillingAddress }.IsEmpty);
        Assert.False(new CheckoutDetails { ShippingMethod = "standard" }.IsEmpty);
        Assert.False(new CheckoutDetails { DiscountCodes = ["A"] }.IsEmpty);
    }

    [Fact]
    public void CartsAndOrdersStartWithNone_AndRefuseANullInItsPlace()
    {
        var cart = Samples.Cart() with { Details = CheckoutDetails.None };

        Assert.Same(CheckoutDetails.None, new Cart { Id = "c", Owner = new CartOwner("s"), Currency = Currency.USD }.Details);
        Assert.Same(CheckoutDetails.None, Samples.Order(cart).Details);
        Assert.Throws<ArgumentNullException>(() => cart with { Details = null! });
        Assert.Throws<ArgumentNullException>(() => Samples.Order(cart) with { Details = null! });
    }

    [Fact]
    public void TheCountryList_IsTheAssignedIso3166Alpha2Codes()
    {
        Assert.Equal(249, CountryCodes.Count);
        Assert.Equal("DE", CountryCodes.Normalize("de"));
        Assert.Equal("GB", CountryCodes.Normalize("gB"));
        Assert.Null(CountryCodes.Normalize("UK"));
        Assert.Null(CountryCodes.Normalize("EU"));
        Assert.Null(CountryCodes.Normalize("D"));
        Assert.Null(CountryCodes.Normalize("DEU"));
        Assert.Null(CountryCodes.Normalize("D1"));
    }

    [Fact]
    public void AnUpdateReplacesTheNamedFieldsOnly_AndEqualValuesGiveTheSameInstance()
    {
        var current = Samples.Details;

        var same = CheckoutDetailsRules.Apply(current, current with { Email = current.Email }, CheckoutDetailsFields.All);
        var email = CheckoutDetailsRules.Apply(current, new CheckoutDetails { Email = "b@example.com", ShippingMethod = "x" }, CheckoutDetailsFields.Email);
        var cleared = CheckoutDetailsRules.Apply(current, CheckoutDetails.None, CheckoutDetailsFields.All);

        Assert.Same(current, same);
        Assert.Equal(current with { Email = "b@example.com" }, email);
        Assert.Same(CheckoutDetails.None, cleared);
    }

    [Fact]
    public void ASignInMerge_FillsWhatTheUsersCartLacks_AndAddsTheGuestsCodesUpToTheLimit()
    {
        var user = new CheckoutDetails { Email = "user@example.com", DiscountCodes = ["A", "B"] };
        var guest = Samples.Details with { DiscountCodes = ["B", .. Enumerable.Range(0, 12).Select(i => $"G{i}")] };

        var filled = CheckoutDetailsRules.Fill(user, guest);

        Assert.Equal("user@example.com", filled.Email);
        Assert.Equal(guest.ShippingAddress, filled.ShippingAddress);
        Assert.Equal(guest.BillingAddress, filled.BillingAddress);
        Assert.Equal(guest.ShippingMethod, filled.ShippingMethod);
        Assert.Equal(["A", "B", "G0", "G1", "G2", "G3", "G4", "G5", "G6", "G7"], filled.DiscountCodes);
        Assert.Same(user, CheckoutDetailsRules.Fill(user, CheckoutDetails.None));
    }
}
