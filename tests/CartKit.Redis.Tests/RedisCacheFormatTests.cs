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
    public void UnreadableCarts_AreRefusedAsJsonErrors(string value)
    {
        Assert.ThrowsAny<JsonException>(() => RedisCacheFormat.ReadCart(Encoding.UTF8.GetBytes(value)));
    }
}
