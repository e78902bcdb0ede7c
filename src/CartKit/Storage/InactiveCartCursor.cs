using System.Globalization;

namespace CartKit.Storage;

/// <summary>
/// The position after the last cart of a page of <see cref="ICartRepository.FindInactiveAsync"/>: keyset pagination
/// over (<see cref="Domain.Cart.LastActivityAt"/>, <see cref="Domain.Cart.Id"/>), stable while carts are written,
/// unlike skip and limit. Its token, <c>"&lt;utc ticks&gt;.&lt;cart id&gt;"</c>, is opaque to callers; stores may use
/// this one so that every store pages alike.
/// </summary>
/// <param name="LastActivityUtcTicks">The last activity of the last cart returned, in UTC ticks.</param>
/// <param name="CartId">The id of the last cart returned.</param>
public readonly record struct InactiveCartCursor(long LastActivityUtcTicks, string CartId)
{
    /// <summary>Gets the last activity of the last cart returned.</summary>
    public DateTimeOffset LastActivityAt => new(LastActivityUtcTicks, TimeSpan.Zero);

    /// <summary>Makes the continuation token that follows a page ending with this cart.</summary>
    /// <param name="lastActivityAt">The last cart's activity.</param>
    /// <param name="cartId">The last cart's id.</param>
    /// <returns>The token.</returns>
    public static string Format(DateTimeOffset lastActivityAt, string cartId) =>
        string.Create(CultureInfo.InvariantCulture, $"{lastActivityAt.UtcTicks}.{cartId}");

    /// <summary>Reads a continuation token.</summary>
    /// <param name="token">The token, or <see langword="null"/> for the first page.</param>
    /// <returns>The cursor, or <see langword="null"/> for the first page.</returns>
    /// <exception cref="ArgumentException">The token is not one <see cref="Format"/> made.</exception>
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
            || !CartKitIds.IsCartId(token[(dot + 1)..]))
        {
            throw new ArgumentException("The continuation token is not one this store issued.", nameof(token));
        }

        return new InactiveCartCursor(ticks, token[(dot + 1)..]);
    }

    /// <summary>Checks a page size passed to <see cref="ICartRepository.FindInactiveAsync"/>: 1 to 1000.</summary>
    /// <param name="pageSize">The page size.</param>
    /// <exception cref="ArgumentOutOfRangeException">It is outside 1 to 1000.</exception>
    public static void ValidatePageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
    }
}
