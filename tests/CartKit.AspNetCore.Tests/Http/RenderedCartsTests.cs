using System.Text.Json;
using CartKit.AspNetCore.Http;
using CartKit.AspNetCore.Serialization;
using CartKit.Domain;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>
/// Cart response bodies are reused only for the very snapshot they were written from: the same instance again gets
/// the same bytes, an equal copy or a changed cart is serialized anew, and the table stays bounded.
/// </summary>
public sealed class RenderedCartsTests
{
    private readonly RenderedCarts _rendered = new();

    [Fact]
    public void TheSameSnapshot_GetsTheBodyWrittenForIt_WithoutSerializingAgain()
    {
        var cart = NewCart();

        var first = _rendered.Render(cart);
        var second = _rendered.Render(cart);

        Assert.Same(first, second);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(cart.ToResponse(), CartKitJsonContext.Default.CartResponse), first.Body);
        Assert.Equal("\"3\"", first.ETag);
    }

    [Fact]
    public void AnotherSnapshotOfTheSameCart_IsSerializedAnew()
    {
        var cart = NewCart();
        var before = _rendered.Render(cart);

        var changed = _rendered.Render(cart with { Version = 4, Lines = [cart.Lines[0] with { Quantity = 7 }] });

        Assert.NotSame(before.Body, changed.Body);
        Assert.Equal("\"4\"", changed.ETag);
        using var body = JsonDocument.Parse(changed.Body);
        Assert.Equal(7, body.RootElement.GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public void AnEqualCopy_IsNotTakenForTheSnapshot()
    {
        // Records compare by value, but only identity proves the body was written from this object.
        var cart = NewCart();
        var first = _rendered.Render(cart);

        var copy = _rendered.Render(cart with { });

        Assert.NotSame(first, copy);
        Assert.Equal(first.Body, copy.Body);
    }

    [Fact]
    public void ABodyLongerThanTheLimit_IsSerializedEveryTime()
    {
        var cart = NewCart() with
        {
            Lines = [.. Enumerable.Range(0, 60).Select(i => new LineItem($"item-{i}", $"SKU-{i:D4}", $"A product with a long name {i}", new Money(100, Currency.USD), 1))],
        };

        var first = _rendered.Render(cart);

        Assert.True(first.Body.Length > RenderedCarts.MaxBodyBytes, $"the sample body is only {first.Body.Length} bytes");
        Assert.NotSame(first, _rendered.Render(cart));
        Assert.Equal(first.Body, _rendered.Render(cart).Body);
    }

    [Fact]
    public void PastItsCapacity_TheTableStartsOver_InsteadOfGrowing()
    {
        var kept = new List<RenderedCart>();
        for (var i = 0; i < RenderedCarts.Capacity + 10; i++)
        {
            kept.Add(_rendered.Render(NewCart($"cart-{i}")));
        }

        // The first carts were dropped when the table started over: rendering them again writes new bodies.
        Assert.NotSame(kept[0], _rendered.Render(kept[0].Cart));
        Assert.Same(kept[^1], _rendered.Render(kept[^1].Cart));
    }

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
