namespace CartKit.AspNetCore.Contracts;

/// <summary>A new cart session.</summary>
/// <param name="SessionId">The session id: keep it secret and send it back in the cart routes.</param>
/// <param name="ExpiresAt">When the session expires unless used again (sliding).</param>
/// <param name="Cart">The session's cart.</param>
public sealed record CreateCartResponse(string SessionId, DateTimeOffset ExpiresAt, CartResponse Cart);
