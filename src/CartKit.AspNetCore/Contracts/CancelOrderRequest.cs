namespace CartKit.AspNetCore.Contracts;

/// <summary>
/// Cancels a pending order on behalf of the shopper. The session id proves the caller holds the cart the order was made
/// from; it travels in the body, never in the URL, because it is a bearer secret that URLs leak into logs.
/// </summary>
/// <param name="SessionId">The cart session the order's cart belongs to (required).</param>
public sealed record CancelOrderRequest(string SessionId);
