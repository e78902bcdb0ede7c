using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CartKit.AspNetCore.Http;

// The two request headers CartKit reads, parsed strictly: a malformed value is a 400, never ignored.
internal static class RequestHeaders
{
    // If-Match carries the cart version as a strong entity tag ("5"), or "*" for any version. A weak tag can never
    // match under If-Match's strong comparison (RFC 9110), so it is treated as a version the cart is not at.
    public static bool TryReadIfMatch(string? header, out long? expectedVersion, out IResult? problem)
    {
        expectedVersion = null;
        problem = null;
        var value = header?.Trim();
        if (value is null || value == "*")
        {
            return true;
        }

        if (value.StartsWith("W/\"", StringComparison.Ordinal) && value.Length >= 4 && value[^1] == '"' && !value.Contains(',', StringComparison.Ordinal))
        {
            expectedVersion = -1;
            return true;
        }

        if (value.Length is >= 3 and <= 21 && value[0] == '"' && value[^1] == '"'
            && long.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expectedVersion = version;
            return true;
        }

        problem = CartKitProblems.Validation("If-Match", "If-Match must be one entity tag from this API's ETag header (for example \"5\"), or *.");
        return false;
    }

    // Idempotency-Key is a structured-field string in the IETF draft ("..."); a bare token is accepted too. Several
    // values (a comma-joined header) are refused; the engine validates the key itself.
    public static bool TryReadIdempotencyKey(string? header, out string? key, out IResult? problem)
    {
        problem = null;
        key = header is { Length: >= 2 } && header[0] == '"' && header[^1] == '"' ? header[1..^1] : header;
        if (key is not null && (key.Contains(',', StringComparison.Ordinal) || key.Contains('"', StringComparison.Ordinal)))
        {
            problem = CartKitProblems.Validation("Idempotency-Key", "Send exactly one Idempotency-Key.");
            return false;
        }

        return true;
    }

    public static string ETag(long version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");
}
