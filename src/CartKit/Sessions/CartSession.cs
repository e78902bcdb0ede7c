namespace CartKit.Sessions;

/// <summary>
/// The session value for a cart: which cart the session uses and, once someone signed in through it, which user.
/// It is not authentication state; it serves guests and signed-in users alike.
/// </summary>
/// <param name="CartId">The cart this session works on.</param>
/// <param name="UserId">The user attached to the session, or <see langword="null"/> for a guest.</param>
public sealed record CartSession(string CartId, string? UserId = null);
