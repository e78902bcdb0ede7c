using System.Text;
using System.Text.Json;
using CartKit.Domain;
using CartKit.Redis.Caching;
using CartKit.Testing;

namespace CartKit.Redis.Tests;

public sealed class RedisCacheFormatTests
{
    public static TheoryData<string> Carts => ["guest", "user-bhd", "merged", "completed", "empty", "warned"];

    [Theory]
    [MemberData(nameof(Carts))]
    public void Carts_RoundTripEveryField(string kind)
    {
        var cart = kind switch
        {
            "guest" => Samples.Cart(),
            "user-bhd" => Samples.Cart(userId: "user-ü \"1\"", currency: Currency.BHD, version: 12345678901),
            "merged" => Samples.Cart(status: CartStatus.Merged) with { MergedIntoCartId = "BBBBBBBBBBBBBBBBBBBBBB" },
            "completed" => Samples.Cart(status: CartStatus.Completed) with { CompletedByOrderId = "CCCCCCCCCCCCCCCCCCCCCC", MergedCartIds = ["DDDDDDDDDDDDDDDDDDDDDD", "EEEEEEEEEEEEEEEEEEEEEE"] },
            "warned" => Samples.WithWarnings(Samples.Cart(userId: "user-1")) with { MergedCartIds = ["DDDDDDDDDDDDDDDDDDDDDD"] },
            _ => Samples.Cart() with { Lines = [], Adjustments = [] },
        };

        var written = RedisCacheFormat.WriteCart(cart);

        Assert.StartsWith($"{cart.Version}:{{\"f\":1,", Encoding.UTF8.GetString(written), StringComparison.Ordinal);
        StoreAssert.SameCart(cart, RedisCacheFormat.ReadCart(written));
    }

    [Fact]
    public void Orders_RoundTripEveryField()
    {
        var paid = Samples.Order(Samples.Cart(userId: "user-1", currency: Currency.JPY), OrderStatus.Paid);
        var superseded = Samples.Order(Samples.Cart(), OrderStatus.Superseded);

        StoreAssert.SameOrder(paid, RedisCacheFormat.ReadOrder(RedisCacheFormat.WriteOrder(paid)));
        StoreAssert.SameOrder(superseded, RedisCacheFormat.ReadOrder(RedisCacheFormat.WriteOrder(superseded)));
    }

    [Fact]
    public void ACartWithoutWarnings_IsWrittenWithoutTheField()
    {
        var written = Encoding.UTF8.GetString(RedisCacheFormat.WriteCart(Samples.Cart()));

        Assert.DoesNotContain("\"w\"", written, StringComparison.Ordinal);
        Assert.Contains("\"w\":[[1,", Encoding.UTF8.GetString(RedisCacheFormat.WriteCart(Samples.WithWarnings(Samples.Cart()))), StringComparison.Ordinal);
    }

    [Fact]
    public void ACartWithoutCheckoutDetails_IsWrittenExactlyAsBeforeThem()
    {
        var cart = Samples.Cart() with { Details = CheckoutDetails.None };

        var json = Encoding.UTF8.GetString(RedisCacheFormat.WriteCart(cart));

        Assert.DoesNotContain("\"d\":", json, StringComparison.Ordinal);
        Assert.Contains($"\"la\":{cart.LastActivityAt.UtcTicks},\"nl\":2,", json, StringComparison.Ordinal);
        Assert.Same(CheckoutDetails.None, RedisCacheFormat.ReadCart(Encoding.UTF8.GetBytes(json)).Details);
    }

    [Fact]
    public void CheckoutDetails_AreOneObjectWithShortNames_AbsentFieldsOmitted_AndRoundTrip()
    {
        var partial = new CheckoutDetails
        {
            Email = "a@example.com",
            ShippingAddress = new PostalAddress { Name = "N", Line1 = "L1", City = "C", Country = "DE" },
            DiscountCodes = ["X1"],
        };
        var cart = Samples.Cart() with { Details = partial };

        var written = RedisCacheFormat.WriteCart(cart);

        Assert.Contains(
            "\"d\":{\"e\":\"a@example.com\",\"sa\":[\"N\",\"L1\",null,\"C\",null,null,\"DE\"],\"dc\":[\"X1\"]},\"nl\":",
            Encoding.UTF8.GetString(written),
            StringComparison.Ordinal);
        StoreAssert.SameCart(cart, RedisCacheFormat.ReadCart(written));
        var order = Samples.Order(cart);
        StoreAssert.SameOrder(order, RedisCacheFormat.ReadOrder(RedisCacheFormat.WriteOrder(order)));
    }

    [Fact]
    public void UnchangedCheckoutDetails_AreSharedWithTheSnapshotBefore()
    {
        var before = RedisCacheFormat.ReadCart(RedisCacheFormat.WriteCart(Samples.Cart()));
        var edited = Samples.Next(before, c => c with { Lines = [c.Lines[0]] });
        var moved = Samples.Next(before, c => c with { Details = c.Details with { ShippingAddress = c.Details.ShippingAddress! with { City = "Bonn" } } });

        var read = RedisCacheFormat.ReadCart(RedisCacheFormat.WriteCart(edited), before);
        var readMoved = RedisCacheFormat.ReadCart(RedisCacheFormat.WriteCart(moved), before);

        Assert.Same(before.Details, read.Details);
        Assert.NotSame(before.Details, readMoved.Details);
        Assert.Equal("Bonn", readMoved.Details.ShippingAddress!.City);
        Assert.Same(before.Details.BillingAddress, readMoved.Details.BillingAddress);
        Assert.Same(before.Details.Email, readMoved.Details.Email);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("7:")]
    [InlineData("7:{\"f\":2}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"XXX\"}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"nl\":999999999,\"l\":[]}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"nl\":2,\"l\":[]}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"zz\":1}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"w\":[[1,\"MUG\",7,2,1,\"m\"]]}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"w\":[[1,\"MUG\",null,2,1]]}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"w\":{}}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"d\":{\"zz\":1}}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"d\":{\"sa\":[\"N\",\"L1\",null,\"C\"]}}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"d\":{\"sa\":[\"N\",\"L1\",1,\"C\",null,null,\"DE\"]}}")]
    [InlineData("7:{\"f\":1,\"i\":\"x\",\"s\":\"y\",\"c\":\"USD\",\"d\":\"x\"}")]
    public void UnreadableCarts_AreRefusedAsJsonErrors(string value)
    {
        Assert.ThrowsAny<JsonException>(() => RedisCacheFormat.ReadCart(Encoding.UTF8.GetBytes(value)));
    }
}
