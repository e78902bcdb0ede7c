using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>
/// The source of truth for carts. Writes are compare-and-swap on <see cref="Cart.Version"/>, and a user has at
/// most one <see cref="CartStatus.Active"/> cart; implementations enforce both themselves (an in-process lock is
/// not enough), so the rules hold across every process sharing the store.
/// </summary>
public interface ICartRepository
{
    /// <summary>Gets a cart by id.</summary>
    /// <param name="cartId">The cart id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The cart, or <see langword="null"/>.</returns>
    ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default);

    /// <summary>Finds the active cart whose <see cref="CartOwner.SessionId"/> is <paramref name="sessionId"/>.</summary>
    /// <param name="sessionId">The session id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The cart, or <see langword="null"/>.</returns>
    ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Finds the user's active cart (there is at most one).</summary>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The cart, or <see langword="null"/>.</returns>
    ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Stores a new cart.</summary>
    /// <param name="cart">The cart, at version 1.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>
    /// <see cref="CartWriteResult.Written"/>; <see cref="CartWriteResult.VersionConflict"/> when a cart with that id
    /// exists; <see cref="CartWriteResult.UserHasActiveCart"/> when the cart is active and its user already has one.
    /// </returns>
    ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default);

    /// <summary>Replaces a cart if the stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="cart">The new snapshot; its version must be <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The version the new snapshot was made from.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>
    /// <see cref="CartWriteResult.Written"/>; <see cref="CartWriteResult.VersionConflict"/> when the stored version
    /// differs or the cart does not exist; <see cref="CartWriteResult.UserHasActiveCart"/> when the write would give
    /// a user a second active cart.
    /// </returns>
    /// <exception cref="ArgumentException">The cart's version is not <paramref name="expectedVersion"/> + 1.</exception>
    ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists active carts whose last activity is at or before <paramref name="lastActivityAtOrBefore"/>, oldest
    /// activity first, a page at a time.
    /// </summary>
    /// <param name="lastActivityAtOrBefore">The activity threshold (now minus the session TTL for abandoned carts).</param>
    /// <param name="pageSize">The page size, 1 to 1000.</param>
    /// <param name="continuationToken">The token from the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The page.</returns>
    ValueTask<CartPage> FindInactiveAsync(
        DateTimeOffset lastActivityAtOrBefore,
        int pageSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default);
}
