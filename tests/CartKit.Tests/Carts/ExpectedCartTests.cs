using CartKit.Carts;
using CartKit.Testing;

namespace CartKit.Tests.Carts;

/// <summary>What a conditional edit expects: a version, and which cart (by a tag that clients keep across processes).</summary>
public sealed class ExpectedCartTests
{
    [Theory]
    [InlineData("tLA-P_RcnW-DIgXB2EQ94w", "NA2q71")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA", "ilvbTM")]
    public void TheCartTag_IsTheSameInEveryProcessAndRelease(string cartId, string tag)
    {
        // Clients hold tags across restarts and send them to any instance: the fingerprint is pinned, not seeded.
        var expected = ExpectedCart.Of(Samples.Cart(id: cartId, version: 7));

        Assert.Equal(new ExpectedCart(7, tag), expected);
        Assert.Equal(ExpectedCart.CartTagLength, expected.CartTag!.Length);
    }

    [Fact]
    public void Of_MatchesItsCartAtItsVersion_AndNothingElse()
    {
        var cart = Samples.Cart(version: 4);
        var other = Samples.Cart(version: 4);

        Assert.True(ExpectedCart.Of(cart).Matches(cart));
        Assert.True(ExpectedCart.Of(cart).Matches(cart with { Lines = [] }));
        Assert.False(ExpectedCart.Of(cart).Matches(cart with { Version = 5 }));
        Assert.False(ExpectedCart.Of(cart).Matches(other));
        Assert.False(new ExpectedCart(4, "AAAAAA").Matches(cart));
    }

    [Fact]
    public void AVersionAlone_MatchesAnyCartAtThatVersion()
    {
        ExpectedCart expected = 4;

        Assert.Equal(ExpectedCart.FromVersion(4), expected);
        Assert.Null(expected.CartTag);
        Assert.True(expected.Matches(Samples.Cart(version: 4)));
        Assert.True(expected.Matches(Samples.Cart(version: 4)));
        Assert.False(expected.Matches(Samples.Cart(version: 3)));
    }
}
