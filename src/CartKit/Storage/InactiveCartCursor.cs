using System.Globalization;
using CartKit.Internal;

namespace CartKit.Storage;

// Keyset pagination over (LastActivityAt, Id): stable while carts are written, unlike skip/limit.
// The token is "<utc ticks>.<cart id>", opaque to callers; every store uses this one format.
internal readonly record struct InactiveCartCursor(long LastActivityUtcTicks, string CartId)
{
    public static string Format(DateTimeOffset lastActivityAt, string cartId) =>
        string.Create(CultureInfo.InvariantCulture, $"{lastActivityAt.UtcTicks}.{cartId}");

    public static InactiveCartCursor? Parse(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !EntityIds.IsCartId(token[(dot + 1)..]))
        {
            throw new ArgumentException("The continuation token is not one this store issued.", nameof(token));
        }

        return new InactiveCartCursor(ticks, token[(dot + 1)..]);
    }

    public DateTimeOffset LastActivityAt => new(LastActivityUtcTicks, TimeSpan.Zero);

    public static void ValidatePageSize(int pageSize) =>
        ArgumentOutOfRangeException.ThrowIfNotEqual(pageSize is >= 1 and <= 1000, true, nameof(pageSize));
}
