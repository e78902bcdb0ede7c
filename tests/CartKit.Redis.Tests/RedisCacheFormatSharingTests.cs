using CartKit.Domain;
using CartKit.Redis.Caching;
using CartKit.Testing;

namespace CartKit.Redis.Tests;

/// <summary>
/// Reading a cart entry against an earlier snapshot of the cart: whatever did not change is shared with it, and the
/// result is always exactly what a plain read gives, whatever the earlier snapshot was.
/// </summary>
public sealed class RedisCacheFormatSharingTests
{
    private static readonly Cart Before = Samples.Cart(userId: "user-1") with
    {
        Lines =
        [
            new LineItem("item-a", "MUG", "Mug", new Money(1250, Currency.USD), 1),
            new LineItem("item-b", "PEN", "Pen \"fine\"", new Money(300, Currency.USD), 2),
            new LineItem("item-c", "CAP", "Cap", new Money(1999, Currency.USD), 1),
        ],
    };

    [Fact]
    public void AnEdit_SharesTheUnchangedLinesOwnerAndStrings_WithTheSnapshotBefore()
    {
        var previous = Read(Before);
        var edited = Next(Before, c => c with { Lines = [c.Lines[0], c.Lines[1] with { Quantity = 5 }, c.Lines[2]] });

        var read = RedisCacheFormat.ReadCart(RedisCacheFormat.WriteCart(edited), previous);

        StoreAssert.SameCart(edited, read);
        Assert.Same(previous.Lines[0], read.Lines[0]);
        Assert.Same(previous.Lines[2], read.Lines[2]);
        Assert.NotSame(previous.Lines[1], read.Lines[1]);
        Assert.Same(previous.Lines[1].ItemId, read.Lines[1].ItemId);
        Assert.Same(previous.Owner, read.Owner);
        Assert.Same(previous.Id, read.Id);
        Assert.Same(previous.Adjustments[0], read.Adjustments[0]);
    }

    [Fact]
    public void ALineRemoved_StillSharesTheLinesAfterIt()
    {
        var previous = Read(Before);
        var edited = Next(Before, c => c with { Lines = [c.Lines[1], c.Lines[2]] });

        var read = RedisCacheFormat.ReadCart(RedisCacheFormat.WriteCart(edited), previous);

        StoreAssert.SameCart(edited, read);
        Assert.Same(previous.Lines[1], read.Lines[0]);
        Assert.Same(previous.Lines[2], read.Lines[1]);
    }

    [Fact]
    public void NothingChangedInTheLines_SharesTheWholeList()
    {
        var previous = Read(Before);
        var edited = Next(Before, c => c with { LastActivityAt = c.LastActivityAt.AddMinutes(3) });

        var read = RedisCacheFormat.ReadCart(RedisCacheFormat.WriteCart(edited), previous);

        StoreAssert.SameCart(edited, read);
        Assert.Same(previous.Lines, read.Lines);
    }

    public static TheoryData<string> Edits() =>
        ["quantity", "price", "name", "sku", "item id", "added", "removed first", "removed last", "reordered", "cleared",
         "owner", "user gone", "adjustments", "currency", "other cart"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void WhateverTheEarlierSnapshot_TheReadEqualsAPlainRead(string edit)
    {
        var previous = Read(Before);
        var edited = Next(Before, c => edit switch
        {
            "quantity" => c with { Lines = [c.Lines[0] with { Quantity = 9 }, c.Lines[1], c.Lines[2]] },
            "price" => c with { Lines = [c.Lines[0], c.Lines[1] with { UnitPrice = new Money(301, Currency.USD) }, c.Lines[2]] },
            "name" => c with { Lines = [c.Lines[0], c.Lines[1], c.Lines[2] with { Name = "Cap (navy)" }] },
            "sku" => c with { Lines = [c.Lines[0] with { Sku = "MUG-2" }, c.Lines[1], c.Lines[2]] },
            "item id" => c with { Lines = [c.Lines[0] with { ItemId = "item-z" }, c.Lines[1], c.Lines[2]] },
            "added" => c with { Lines = [.. c.Lines, new LineItem("item-d", "HAT", "Hat", new Money(999, Currency.USD), 1)] },
            "removed first" => c with { Lines = [c.Lines[1], c.Lines[2]] },
            "removed last" => c with { Lines = [c.Lines[0], c.Lines[1]] },
            "reordered" => c with { Lines = [c.Lines[2], c.Lines[0], c.Lines[1]] },
            "cleared" => c with { Lines = [] },
            "owner" => c with { Owner = new CartOwner("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "user-1") },
            "user gone" => c with { Owner = new CartOwner(c.Owner.SessionId, null) },
            "adjustments" => c with { Adjustments = [new AdjustmentLine("Shipping", new Money(0, Currency.USD))] },
            "currency" => Samples.Cart(id: c.Id, currency: Currency.JPY),
            _ => Samples.Cart(),
        });
        var entry = RedisCacheFormat.WriteCart(edited);

        var read = RedisCacheFormat.ReadCart(entry, previous);

        StoreAssert.SameCart(RedisCacheFormat.ReadCart(entry), read);
        StoreAssert.SameCart(edited, read);
    }

    private static Cart Read(Cart cart) => RedisCacheFormat.ReadCart(RedisCacheFormat.WriteCart(cart));

    private static Cart Next(Cart cart, Func<Cart, Cart> change) => Samples.Next(cart, change);
}
