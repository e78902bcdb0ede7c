namespace CartKit.Sessions;

/// <summary>
/// The session store could not be reached or did not answer in time. <see cref="ISessionStore{T}"/> implementations
/// throw it for infrastructure failures (never for an unknown or expired session, which is <see langword="null"/>).
/// </summary>
/// <remarks>
/// The cart engine does not fail on it: the source of truth knows which session owns each active cart, so reads
/// and writes fall back to it, and session writes are skipped until the store answers again.
/// </remarks>
public sealed class SessionStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SessionStoreUnavailableException()
        : this("The session store is unavailable.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    public SessionStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The client library's exception.</param>
    public SessionStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
