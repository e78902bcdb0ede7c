using System.Text.Json;
using CartKit.AspNetCore.Http;
using CartKit.AspNetCore.Serialization;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.Caching;
using CartKit.Domain;
using CartKit.TestSupport;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>
/// Cart response bodies are reused for the same cart id, version and content, whichever instance the store handed back;
/// anything the body shows that differs is serialized anew, and the table stays bounded.
/// </summary>
public sealed class RenderedCartsTests : IDisposable
{
    private readonly MetricsRecorder _metrics = new();
    private readonly ReuseTables _reuse;

    public RenderedCartsTests() => _reuse = new ReuseTables(new ReuseTablesOptions(), new ReuseMetrics(_metrics));

    [Fact]
    public void TheSameSnapshot_GetsTheBodyWrittenForIt_WithoutSerializingAgain()
    {
        var cart = NewCart();

        var first = RenderedCarts.Render(_reuse, cart);
        var second = RenderedCarts.Render(_reuse, cart);

        Assert.Same(first, second);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(cart.ToResponse(), CartKitJsonContext.Default.CartResponse), first.Body);
        Assert.Equal(Api.ETag(3, cart.Id), first.ETag);
        Assert.Equal(1, _metrics.Sum(ReuseMetrics.Hits, (ReuseMetrics.TableTag, RenderedCarts.Table)));
        Assert.Equal(1, _metrics.Sum(ReuseMetrics.Misses, (ReuseMetrics.TableTag, RenderedCarts.Table)));
    }

    [Fact]
    public void AnEqualSnapshotFromAnotherRead_ReusesTheBody()
    {
        // A store that hands back a new instance for every read still gets the body it rendered before.
        var cart = NewCart();
        var first = RenderedCarts.Render(_reuse, cart);

        var copy = RenderedCarts.Render(_reuse, cart with { Lines = [.. cart.Lines] });

        Assert.Same(first, copy);
    }

    [Fact]
    public void AMatchingSnapshot_IsFollowed_SoItsNextReadIsRecognizedByIdentity()
    {
        // The cache hands out one snapshot per entry, which is not always the instance a body was first rendered from.
        var cart = NewCart();
        var first = RenderedCarts.Render(_reuse, cart);
        var copy = cart with { Lines = [.. cart.Lines] };

        Assert.False(first.IsFrom(copy));
        Assert.Same(first, RenderedCarts.Render(_reuse, copy));
        Assert.True(first.IsFrom(copy));
    }

    [Fact]
    public void AnotherVersionOfTheSameCart_IsSerializedAnew()
    {
        var cart = NewCart();
        var before = RenderedCarts.Render(_reuse, cart);

        var changed = RenderedCarts.Render(_reuse, cart with { Version = 4, Lines = [cart.Lines[0] with { Quantity = 7 }] });

        Assert.NotSame(before.Body, changed.Body);
        Assert.Equal(Api.ETag(4, cart.Id), changed.ETag);
        using var body = JsonDocument.Parse(changed.Body);
        Assert.Equal(7, body.RootElement.GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Theory]
    [InlineData("quantity")]
    [InlineData("price")]
    [InlineData("name")]
    [InlineData("adjustment")]
    [InlineData("status")]
    [InlineData("details")]
    [InlineData("address")]
    public void TheSameVersionWithOtherContent_IsNeverAnsweredWithTheOldBody(string change)
    {
        // A version alone does not prove the content: a cache entry written by another build, or a bug, must not
        // make a body of other lines be sent for it.
        var cart = NewCart();
        var before = RenderedCarts.Render(_reuse, cart);
        var line = cart.Lines[0];
        var other = change switch
        {
            "quantity" => cart with { Lines = [line with { Quantity = 3 }] },
            "price" => cart with { Lines = [line with { UnitPrice = new Money(999, Currency.USD) }] },
            "name" => cart with { Lines = [line with { Name = "Cup" }] },
            "adjustment" => cart with { Adjustments = [new AdjustmentLine("Discount", new Money(-100, Currency.USD))] },
            "details" => cart with { Details = new CheckoutDetails { Email = "ada@example.com" } },
            "address" => cart with { Details = cart.Details with { ShippingAddress = new PostalAddress { Name = "A", Line1 = "B", City = "C", Country = "DE" } } },
            _ => cart with { Status = CartStatus.Completed },
        };

        var rendered = RenderedCarts.Render(_reuse, other);

        Assert.NotSame(before, rendered);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(other.ToResponse(), CartKitJsonContext.Default.CartResponse), rendered.Body);
    }

    [Fact]
    public void ABodyLongerThanTheLimit_IsSerializedEveryTime()
    {
        var cart = NewCart() with
        {
            Lines = [.. Enumerable.Range(0, 60).Select(i => new LineItem($"item-{i}", $"SKU-{i:D4}", $"A product with a long name {i}", new Money(100, Currency.USD), 1))],
        };

        var first = RenderedCarts.Render(_reuse, cart);

        Assert.True(first.Body.Length > RenderedCarts.MaxBodyBytes, $"the sample body is only {first.Body.Length} bytes");
        Assert.NotSame(first, RenderedCarts.Render(_reuse, cart));
        Assert.Equal(first.Body, RenderedCarts.Render(_reuse, cart).Body);
    }

    [Fact]
    public void PastItsCapacity_TheTableStartsOver_InsteadOfGrowing()
    {
        var options = new ReuseTablesOptions { CartCapacity = 16 };
        var reuse = new ReuseTables(options, new ReuseMetrics(_metrics));
        var carts = Enumerable.Range(0, options.CartCapacity + 1).Select(i => NewCart($"cart-{i}")).ToList();
        var kept = carts.Select(c => RenderedCarts.Render(reuse, c)).ToList();

        // The first carts were dropped when the table started over: rendering them again writes new bodies.
        Assert.NotSame(kept[0], RenderedCarts.Render(reuse, carts[0]));
        Assert.Same(kept[^1], RenderedCarts.Render(reuse, carts[^1]));
        Assert.Equal(options.CartCapacity, _metrics.Sum(ReuseMetrics.Evictions, (ReuseMetrics.TableTag, RenderedCarts.Table)));
    }

    [Fact]
    public void WithTheTablesOff_EveryReadIsSerializedAnew()
    {
        var reuse = new ReuseTables(new ReuseTablesOptions { Enabled = false }, new ReuseMetrics(_metrics));
        var cart = NewCart();

        var first = RenderedCarts.Render(reuse, cart);

        Assert.NotSame(first, RenderedCarts.Render(reuse, cart));
        Assert.Equal(first.Body, RenderedCarts.Render(reuse, cart).Body);
    }

    public void Dispose() => _metrics.Dispose();

    private static Cart NewCart(string id = "cart-1")
    {
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        return new Cart
        {
            Id = id,
            Owner = new CartOwner("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null),
            Currency = Currency.USD,
            Lines = [new LineItem("item-1", "MUG", "Mug", new Money(1250, Currency.USD), 2)],
            Version = 3,
            CreatedAt = at,
            UpdatedAt = at,
            LastActivityAt = at,
        };
    }
}
