namespace CartKit.Sessions;

/// <summary>
/// Stores sessions of one type <typeparamref name="T"/>, each under a server-generated id, with the TTL, sliding
/// expiry and key prefix configured for that type by <c>services.AddSessionStore&lt;T&gt;(...)</c>.
/// </summary>
/// <typeparam name="T">The session value. Treat it as immutable: stores may hand out the instance they hold.</typeparam>
/// <remarks>
/// Session ids are 32 URL-safe characters carrying 192 bits from a cryptographic random generator. A malformed id is
/// refused by the store itself before any backing store is asked: <see cref="GetAsync"/> returns
/// <see langword="null"/>, <see cref="RemoveAsync"/> returns <see langword="false"/>.
/// </remarks>
public interface ISessionStore<T>
    where T : class
{
    /// <summary>Creates a session with a new id.</summary>
    /// <param name="value">The session value.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The new session, with its id and expiry.</returns>
    ValueTask<SessionEntry<T>> CreateAsync(T value, CancellationToken cancellationToken = default);

    /// <summary>Gets a live session; with sliding expiry this also pushes its expiry back by the TTL.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The session, or <see langword="null"/> when the id is malformed, unknown or expired.</returns>
    ValueTask<SessionEntry<T>?> GetAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="sessionId"/>, creating the session if it does not exist.
    /// With sliding expiry the session gets the full TTL; with absolute expiry an existing session keeps its expiry.
    /// </summary>
    /// <param name="sessionId">A well-formed session id.</param>
    /// <param name="value">The session value.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The stored session.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is malformed.</exception>
    ValueTask<SessionEntry<T>> SetAsync(string sessionId, T value, CancellationToken cancellationToken = default);

    /// <summary>Ends a session.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns><see langword="true"/> when a live session was removed.</returns>
    ValueTask<bool> RemoveAsync(string sessionId, CancellationToken cancellationToken = default);
}
