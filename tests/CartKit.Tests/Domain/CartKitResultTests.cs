using CartKit.Domain;

namespace CartKit.Tests.Domain;

public sealed class CartKitResultTests
{
    [Fact]
    public void TheDefaultResult_IsAFailure_WithAnUnspecifiedError()
    {
        var result = default(CartKitResult<Cart>);

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal(CartKitErrorCode.Unspecified, result.Error!.Code);
        Assert.StartsWith("Failure: Unspecified", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyAValue_MakesASuccess()
    {
        var success = CartKitResult.Success("done");
        CartKitResult<string> converted = "done";

        Assert.True(success.Succeeded);
        Assert.Null(success.Error);
        Assert.Equal("done", converted.Value);
        Assert.True(converted.Succeeded);
    }

    [Fact]
    public void AnError_MakesAFailure_CarryingThatError()
    {
        var error = new CartKitError(CartKitErrorCode.CartEmpty, "empty");

        CartKitResult<string> result = error;

        Assert.False(result.Succeeded);
        Assert.Same(error, result.Error);
        Assert.Throws<ArgumentNullException>(() => CartKitResult.Failure<string>(null!));
        Assert.Throws<ArgumentNullException>(() => CartKitResult.Success<string>(null!));
    }
}
