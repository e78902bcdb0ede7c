using CartKit.Domain;

namespace CartKit.Carts;

/// <summary>A new cart session.</summary>
/// <param name="SessionId">The session id: a bearer secret the client keeps and sends back.</param>
/// <param name="ExpiresAt">When the session expires unless used again.</param>
/// <param name="Cart">The session's cart.</param>
public sealed record CartSessionCreated(string SessionId, DateTimeOffset ExpiresAt, Cart Cart);
