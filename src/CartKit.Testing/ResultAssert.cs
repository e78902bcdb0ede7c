namespace CartKit.Testing;

/// <summary>Assertions on the <see cref="CartKitResult{T}"/> the engines return.</summary>
public static class ResultAssert
{
    /// <summary>Asserts that <paramref name="result"/> succeeded.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="result">The result.</param>
    /// <returns>The value.</returns>
    public static T Success<T>(CartKitResult<T> result)
        where T : notnull
    {
        Assert.True(result.Succeeded, $"Expected success but got {result}");
        return result.Value;
    }

    /// <summary>Asserts that <paramref name="result"/> failed with <paramref name="expected"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="result">The result.</param>
    /// <param name="expected">The error code expected.</param>
    /// <returns>The error, for further assertions (its target, its message).</returns>
    public static CartKitError Failure<T>(CartKitResult<T> result, CartKitErrorCode expected)
        where T : notnull
    {
        Assert.False(result.Succeeded, $"Expected {expected} but got {result}");
        Assert.Equal(expected, result.Error.Code);
        return result.Error;
    }
}
