using System.Text;
using System.Text.Json;
using CartKit.Caching;
using CartKit.Domain;
using CartKit.Redis.Caching;
using CartKit.Testing;

namespace CartKit.Redis.Tests;

/// <summary>
/// The table of recently decoded carts: byte-for-byte the same entry gets the same snapshot back, anything else is
/// decoded as it would be without the table, and the table stays bounded.
/// </summary>
public sealed class DecodedCartsTests
{
    private static readonly int Capacity = new ReuseTablesOptions().CartCapacity;

    private readonly DecodedCarts _decoded = new(new ReuseTables(new ReuseTablesOptions(), new ReuseMetrics()));

    [Fact]
    public void TheSameEntryBytes_ReturnTheSameSnapshot_WithoutDecodingAgain()
    {
        var cart = Samples.Cart();
        var entry = RedisCacheFormat.WriteCart(cart);

        // The first read keeps only the snapshot; the second decodes against it and keeps the bytes.
        var first = _decoded.Read(cart.Id, entry);
        var second = _decoded.Read(cart.Id, entry.ToArray());
        var third = _decoded.Read(cart.Id, entry.ToArray());

        Assert.Same(first.Lines, second.Lines);
        Assert.Same(second, third);
        Assert.Same(third, _decoded.Read(cart.Id, entry));
        StoreAssert.SameCart(cart, third);
    }

    [Fact]
    public void AnEntryChangedByAnEdit_IsDecoded_SharingTheUnchangedLines()
    {
        var cart = Samples.Cart(version: 1);
        var entry = RedisCacheFormat.WriteCart(cart);
        _decoded.Read(cart.Id, entry);
        var before = _decoded.Read(cart.Id, entry);
        var edited = Samples.Next(cart, c => c with { Lines = [c.Lines[0] with { Quantity = 7 }, c.Lines[1]] });

        var read = _decoded.Read(cart.Id, RedisCacheFormat.WriteCart(edited));

        StoreAssert.SameCart(edited, read);
        Assert.Same(before.Lines[1], read.Lines[1]);
        Assert.NotSame(before.Lines[0], read.Lines[0]);
    }

    [Fact]
    public void AnEntryChangedAtTheSameVersion_IsDecodedAgain_NotAnsweredFromTheTable()
    {
        // Versions never repeat with other content in practice; the table must not rely on it all the same.
        var cart = Samples.Cart(version: 7);
        _decoded.Read(cart.Id, RedisCacheFormat.WriteCart(cart));
        var before = _decoded.Read(cart.Id, RedisCacheFormat.WriteCart(cart));
        var changed = cart with { Lines = [cart.Lines[0] with { Quantity = 5 }] };

        var after = _decoded.Read(cart.Id, RedisCacheFormat.WriteCart(changed));

        Assert.NotSame(before, after);
        Assert.Equal(7, after.Version);
        Assert.Equal(5, Assert.Single(after.Lines).Quantity);
    }

    [Fact]
    public void ANewerEntry_IsDecoded_AndReplacesTheOneRemembered()
    {
        var cart = Samples.Cart(version: 1);
        _decoded.Read(cart.Id, RedisCacheFormat.WriteCart(cart));
        var next = RedisCacheFormat.WriteCart(Samples.Next(cart));

        var read = _decoded.Read(cart.Id, next);

        Assert.Equal(2, read.Version);
        Assert.Same(read, _decoded.Read(cart.Id, next));
        Assert.Same(read, _decoded.Read(cart.Id, next));
        Assert.Equal(1, _decoded.Count);
    }

    [Fact]
    public void AnEntryLongerThanTheLimit_IsDecodedEveryTime_AndNotKept()
    {
        var cart = Samples.Cart() with { Lines = LongLines(40) };
        var entry = RedisCacheFormat.WriteCart(cart);
        Assert.True(entry.Length > DecodedCarts.MaxEntryBytes, $"the sample entry is only {entry.Length} bytes");

        var first = _decoded.Read(cart.Id, entry);
        var second = _decoded.Read(cart.Id, entry);

        Assert.NotSame(first, second);
        StoreAssert.SameCart(cart, second);
        Assert.Equal(0, _decoded.Count);
    }

    [Fact]
    public void WithReuseOff_ForBenchmarks_EveryReadIsAFirstDecode()
    {
        var cart = Samples.Cart();
        var entry = RedisCacheFormat.WriteCart(cart);
        _decoded.Read(cart.Id, entry);
        _decoded.Read(cart.Id, entry);
        _decoded.Reuse = false;

        var first = _decoded.Read(cart.Id, entry);
        var second = _decoded.Read(cart.Id, entry);

        Assert.NotSame(first, second);
        Assert.NotSame(first.Lines, second.Lines);
    }

    [Fact]
    public void AnUnreadableEntry_Throws_AndIsNotRemembered()
    {
        var cartId = Samples.Cart().Id;

        Assert.ThrowsAny<JsonException>(() => _decoded.Read(cartId, Encoding.UTF8.GetBytes("3:{\"f\":1,")));
        Assert.Equal(0, _decoded.Count);
    }

    [Fact]
    public void PastItsCapacity_TheTableStartsOver_InsteadOfGrowing()
    {
        for (var i = 0; i < Capacity + 10; i++)
        {
            var cart = Samples.Cart();
            _decoded.Read(cart.Id, RedisCacheFormat.WriteCart(cart));
            Assert.True(_decoded.Count <= Capacity);
        }

        Assert.InRange(_decoded.Count, 1, Capacity);
    }

    private static LineItem[] LongLines(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new LineItem($"item-{i:D4}", $"SKU-{i:D4}", $"A product with a long name {i}", new Money(100 + i, Currency.USD), 1))];
}
