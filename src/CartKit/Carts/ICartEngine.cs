using CartKit.Domain;
using CartKit.Storage;

namespace CartKit.Carts;

/// <summary>
/// Creates cart sessions and reads and edits their carts. Every edit is a compare-and-swap on the cart version,
/// retried internally when a concurrent writer got there first, so concurrent edits never lose an update. A caller who
/// wants an edit refused when the cart changed since they read it passes an <see cref="ExpectedCart"/>.
/// </summary>
public interface ICartEngine
{
    /// <summary>
    /// Starts a cart session. A guest gets a new empty cart; a signed-in user gets their active cart, or a new one.
    /// </summary>
    /// <param name="userId">The signed-in user, or <see langword="null"/> for a guest.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The session and its cart, or a validation error for a malformed user id.</returns>
    ValueTask<CartKitResult<CartSessionCreated>> CreateSessionAsync(string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the caller's cart, refreshing the session's sliding expiry.</summary>
    /// <param name="caller">The session and, when signed in, the user.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The cart, or <see cref="CartKitErrorCode.SessionNotFound"/>.</returns>
    ValueTask<CartKitResult<Cart>> GetCartAsync(CartCaller caller, CancellationToken cancellationToken = default);

    /// <summary>Adds units of a product, priced by the catalog; the same sku always merges into one line.</summary>
    /// <param name="caller">The session and, when signed in, the user.</param>
    /// <param name="sku">The product sku.</param>
    /// <param name="quantity">Units to add; at least 1.</param>
    /// <param name="expected">
    /// When set, the edit applies only to the cart it names, still at its version (see <see cref="ExpectedCart"/>);
    /// otherwise <see cref="CartKitErrorCode.VersionMismatch"/>. A <see cref="long"/> version converts to it.
    /// </param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The updated cart, or why the edit was refused.</returns>
    ValueTask<CartKitResult<Cart>> AddItemAsync(
        CartCaller caller,
        string sku,
        int quantity,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default);

    /// <summary>Sets the quantity of a line; 0 removes it.</summary>
    /// <param name="caller">The session and, when signed in, the user.</param>
    /// <param name="itemId">The line's item id.</param>
    /// <param name="quantity">The new quantity; 0 or more.</param>
    /// <param name="expected">
    /// When set, the edit applies only to the cart it names, still at its version (see <see cref="ExpectedCart"/>);
    /// otherwise <see cref="CartKitErrorCode.VersionMismatch"/>. A <see cref="long"/> version converts to it.
    /// </param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The updated cart, or why the edit was refused.</returns>
    ValueTask<CartKitResult<Cart>> SetQuantityAsync(
        CartCaller caller,
        string itemId,
        int quantity,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default);

    /// <summary>Removes a line.</summary>
    /// <param name="caller">The session and, when signed in, the user.</param>
    /// <param name="itemId">The line's item id.</param>
    /// <param name="expected">
    /// When set, the edit applies only to the cart it names, still at its version (see <see cref="ExpectedCart"/>);
    /// otherwise <see cref="CartKitErrorCode.VersionMismatch"/>. A <see cref="long"/> version converts to it.
    /// </param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The updated cart, or why the edit was refused.</returns>
    ValueTask<CartKitResult<Cart>> RemoveItemAsync(
        CartCaller caller,
        string itemId,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default);

    /// <summary>Removes every line.</summary>
    /// <param name="caller">The session and, when signed in, the user.</param>
    /// <param name="expected">
    /// When set, the edit applies only to the cart it names, still at its version (see <see cref="ExpectedCart"/>);
    /// otherwise <see cref="CartKitErrorCode.VersionMismatch"/>. A <see cref="long"/> version converts to it.
    /// </param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The updated cart, or why the edit was refused.</returns>
    ValueTask<CartKitResult<Cart>> ClearAsync(
        CartCaller caller,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets checkout details on the cart (email, addresses, shipping method, discount codes) and prices it again.
    /// Each field named in <paramref name="fields"/> takes its value from <paramref name="details"/>, where
    /// <see langword="null"/> (or an empty value or list) clears it; every other field keeps the cart's value. An
    /// address and the list of discount codes are replaced as a whole.
    /// </summary>
    /// <remarks>
    /// Values are trimmed and checked (bounds in <see cref="CartWriteRules"/>; countries ISO 3166-1 alpha-2; discount
    /// codes upper-cased, each kept once); an invalid one is a <see cref="CartKitErrorCode.Validation"/> error naming the
    /// field (for example <c>shippingAddress.country</c>). Every discount code and the shipping method given must be
    /// accepted by a pricing step (<see cref="Pricing.CartPricingContext.AcceptDiscountCode"/>), or the update is refused
    /// with <see cref="CartKitErrorCode.DiscountCodeRefused"/> or <see cref="CartKitErrorCode.ShippingMethodRefused"/>
    /// and nothing is written. An empty cart is never priced, so it accepts neither. Setting the values the cart already
    /// has changes nothing and writes nothing.
    /// </remarks>
    /// <param name="caller">The session and, when signed in, the user.</param>
    /// <param name="details">The values of the fields to set.</param>
    /// <param name="fields">The fields to set; <see cref="CheckoutDetailsFields.All"/> replaces the details.</param>
    /// <param name="expected">
    /// When set, the update applies only to the cart it names, still at its version (see <see cref="ExpectedCart"/>);
    /// otherwise <see cref="CartKitErrorCode.VersionMismatch"/>. A <see cref="long"/> version converts to it.
    /// </param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The updated cart, or why the update was refused.</returns>
    ValueTask<CartKitResult<Cart>> SetCheckoutDetailsAsync(
        CartCaller caller,
        CheckoutDetails details,
        CheckoutDetailsFields fields,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Attaches a signed-in user to a guest session: the guest cart is merged into the user's active cart
    /// (by <see cref="CartKitOptions.MergeStrategy"/>, within the limits) or, when the user has none, becomes the user's
    /// cart. What the limits leave out of a merge is reported in the merged cart's <see cref="Cart.Warnings"/>.
    /// Any cart operation of a signed-in caller on a guest session attaches the same way.
    /// </summary>
    /// <param name="sessionId">The guest session id.</param>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The cart the session now uses.</returns>
    ValueTask<CartKitResult<Cart>> AttachUserAsync(string sessionId, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists abandoned carts: still active, with no activity for longer than the session TTL. Oldest first, paged.
    /// </summary>
    /// <param name="pageSize">The page size, 1 to 1000.</param>
    /// <param name="continuationToken">The token from the previous page, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation.</param>
    /// <returns>The page.</returns>
    ValueTask<CartPage> GetAbandonedCartsAsync(
        int pageSize = 100,
        string? continuationToken = null,
        CancellationToken cancellationToken = default);
}
