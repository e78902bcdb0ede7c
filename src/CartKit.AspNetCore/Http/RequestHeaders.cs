using System.Globalization;
using CartKit.Carts;
using CartKit.Domain;
using Microsoft.AspNetCore.Http;

namespace CartKit.AspNetCore.Http;

// The two request headers CartKit reads, parsed strictly: a malformed value is a 400, never ignored.
internal static class RequestHeaders
{
    // Versions start at 1: an expectation of version 0 is refused by every cart.
    private static readonly ExpectedCart MatchesNoCart = new(0);

    // If-Match carries one entity tag from this API's ETag header ("5.QmF0aD": the cart's version and tag, see ETag), or
    // "*" for any version. Only a tag of the cart the session reaches, at its current version, matches. A weak tag can
    // never match under If-Match's strong comparison (RFC 9110), and neither can a bare version ("5", the tags of
    // earlier releases, which named no cart): both are read as a version no cart is at, so the edit is a 412.
    public static bool TryReadIfMatch(string? header, out ExpectedCart? expected, out IResult? problem)
    {
        expected = null;
        problem = null;
        var value = header?.Trim();
        if (value is null || value == "*")
        {
            return true;
        }

        if (value.StartsWith("W/\"", StringComparison.Ordinal) && value.Length >= 4 && value[^1] == '"' && !value.Contains(',', StringComparison.Ordinal))
        {
            expected = MatchesNoCart;
            return true;
        }

        if (value.Length < 3 || value[0] != '"' || value[^1] != '"')
        {
            return Malformed(out problem);
        }

        var tag = value.AsSpan(1, value.Length - 2);
        var dot = tag.IndexOf('.');
        var version = dot < 0 ? tag : tag[..dot];
        if (version.Length is 0 or > 19 || !long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return Malformed(out problem);
        }

        if (dot < 0)
        {
            expected = MatchesNoCart;
            return true;
        }

        var cartTag = tag[(dot + 1)..];
        if (!IsCartTag(cartTag))
        {
            return Malformed(out problem);
        }

        expected = new ExpectedCart(number, cartTag.ToString());
        return true;
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

    // The cart's version and its tag (ExpectedCart.Of), so a tag names one cart at one version: after a sign-in merge
    // moves the session to another cart at the same version, the guest cart's tag does not match it.
    public static string ETag(Cart cart)
    {
        var expected = ExpectedCart.Of(cart);
        return string.Create(CultureInfo.InvariantCulture, $"\"{expected.Version}.{expected.CartTag}\"");
    }

    private static bool Malformed(out IResult? problem)
    {
        problem = CartKitProblems.Validation("If-Match", "If-Match must be one entity tag from this API's ETag header (for example \"5.QmF0aD\"), or *.");
        return false;
    }

    private static bool IsCartTag(ReadOnlySpan<char> tag)
    {
        if (tag.Length != ExpectedCart.CartTagLength)
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
