using System.Buffers.Text;
using System.Security.Cryptography;

namespace CartKit.Internal;

// Random, URL-safe ids for carts, orders and lines, and the one check that an id a caller sent is well formed.
internal static class Base64UrlIds
{
    public static string New(int byteCount)
    {
        Span<byte> bytes = stackalloc byte[byteCount];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool IsValid(string? id, int length)
    {
        if (id is null || id.Length != length)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
