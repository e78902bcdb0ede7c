using CartKit.Internal;

namespace CartKit.Sessions;

// Session ids are bearer secrets: 24 bytes (192 bits) from the OS CSPRNG, base64url without padding, so exactly
// 32 characters from [A-Za-z0-9_-]. Validation is strict so no caller input can become another key or a pattern.
internal static class SessionIds
{
    public const int Length = 32;
    private const int ByteCount = 24;

    public static string New() => Base64UrlIds.New(ByteCount);

    public static bool IsValid(string? sessionId) => Base64UrlIds.IsValid(sessionId, Length);
}
