namespace CartKit.Storage;

/// <summary>
/// The source of truth could not be reached or did not answer in time. Nothing was written, or what was written is
/// complete; the request can be retried. The HTTP layer answers 503 with a <c>Retry-After</c> header.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
        : this("The cart store is unavailable.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The driver's exception.</param>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets or sets how long a client should wait before retrying.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(5);
}
