namespace CartKit.Domain;

/// <summary>Who a cart (or the order made from it) belongs to.</summary>
/// <param name="SessionId">The session that created the cart or last signed in to it.</param>
/// <param name="UserId">The signed-in user, or <see langword="null"/> for a guest cart.</param>
public sealed record CartOwner(string SessionId, string? UserId = null)
{
    /// <summary>Gets a value indicating whether the cart belongs to a signed-in user.</summary>
    public bool IsUser => UserId is not null;
}
