using System.Buffers.Text;
using System.Security.Cryptography;

namespace CartKit.Redis.Connection;

// Random tokens that identify one holder of a key: a repopulate ticket, a lock owner. 128 bits, URL-safe.
internal static class RedisTokens
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
