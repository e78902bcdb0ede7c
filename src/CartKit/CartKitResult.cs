using System.Diagnostics.CodeAnalysis;

namespace CartKit;

/// <summary>
/// The outcome of a cart or checkout operation: a value, or a <see cref="CartKitError"/> describing an expected
/// refusal. Faults (a store that is down, a bug) are exceptions, not results.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// Only <see cref="CartKitResult.Success{T}"/> (or the conversion from a value) makes a successful result: the default
/// value of this struct is a failure with <see cref="CartKitErrorCode.Unspecified"/>, so a result nobody set can never
/// pass for a success.
/// </remarks>
public readonly struct CartKitResult<T>
    where T : notnull
{
    private static readonly CartKitError NeverSet =
        new(CartKitErrorCode.Unspecified, "The operation returned a result that was never set (default(CartKitResult<T>)).");

    private readonly CartKitError? _error;
    private readonly bool _succeeded;

    internal CartKitResult(T? value, CartKitError? error)
    {
        Value = value;
        _error = error;
        _succeeded = error is null;
    }

    /// <summary>Gets the value when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary>Gets the error when not <see cref="Succeeded"/>.</summary>
    public CartKitError? Error => _succeeded ? null : _error ?? NeverSet;

    /// <summary>Gets a value indicating whether the operation succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => _succeeded;

    /// <summary>Wraps a value as a successful result.</summary>
    public static implicit operator CartKitResult<T>(T value) => CartKitResult.Success(value);

    /// <summary>Wraps an error as a failed result.</summary>
    public static implicit operator CartKitResult<T>(CartKitError error) => CartKitResult.Failure<T>(error);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Success: {Value}" : $"Failure: {Error.Code} ({Error.Message})";
}

/// <summary>Creates <see cref="CartKitResult{T}"/> values.</summary>
public static class CartKitResult
{
    /// <summary>Creates a successful result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static CartKitResult<T> Success<T>(T value)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null);
    }

    /// <summary>Creates a failed result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="error">The error.</param>
    /// <returns>The result.</returns>
    public static CartKitResult<T> Failure<T>(CartKitError error)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }
}
