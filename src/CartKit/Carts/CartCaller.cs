namespace CartKit.Carts;

/// <summary>Who is acting on a cart: the session they came through and, when signed in, their user id.</summary>
/// <param name="SessionId">The cart session id.</param>
/// <param name="UserId">The signed-in user, or <see langword="null"/> for a guest.</param>
/// <remarks>
/// A signed-in caller acting through a guest session attaches their user to it: the guest cart is merged into the
/// user's active cart, or adopted when they have none. A cart owned by a user is visible only to that user.
/// </remarks>
public readonly record struct CartCaller(string SessionId, string? UserId = null)
{
    /// <summary>Creates a guest caller for a session id.</summary>
    /// <param name="sessionId">The session id.</param>
    public static implicit operator CartCaller(string sessionId) => new(sessionId);

    /// <summary>Creates a guest caller for a session id.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <returns>The caller.</returns>
    public static CartCaller FromSessionId(string sessionId) => new(sessionId);
}
