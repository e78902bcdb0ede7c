namespace CartKit.Testing;

public static class ResultAssert
{
    public static T Success<T>(CartKitResult<T> result)
        where T : notnull
    {
        Assert.True(result.Succeeded, $"Expected success but got {result}");
        return result.Value;
    }

    public static CartKitError Failure<T>(CartKitResult<T> result, CartKitErrorCode expected)
        where T : notnull
    {
        Assert.False(result.Succeeded, $"Expected {expected} but got {result}");
        Assert.Equal(expected, result.Error.Code);
        return result.Error;
    }
}
