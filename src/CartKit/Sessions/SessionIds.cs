using CartKit.Internal;

namespace CartKit.Sessions;

/// <summary>
/// Session ids are bearer secrets: 24 bytes (192 bits) from the operating system's cryptographic generator, URL-safe
/// base64 without padding, so exactly 32 characters from <c>[A-Za-z0-9_-]</c>. Every <see cref="ISessionStore{T}"/>
/// generates them with <see cref="New"/> and refuses a malformed one with <see cref="IsValid"/> before asking its
/// backing store, so no caller input can become another key or a pattern.
/// </summary>
public static class SessionIds
{
    /// <summary>The length of a session id.</summary>
    public const int Length = 32;

    private const int ByteCount = 24;

    /// <summary>Generates a session id.</summary>
    /// <returns>The id.</returns>
    public static string New() => Base64UrlIds.New(ByteCount);

    /// <summary>Gets whether <paramref name="sessionId"/> is a well-formed session id.</summary>
    /// <param name="sessionId">The id.</param>
    /// <returns><see langword="true"/> when well formed.</returns>
    public static bool IsValid(string? sessionId) => Base64UrlIds.IsValid(sessionId, Length);
}
