using CartKit.Catalog;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Internal;
using CartKit.Sessions;
using CartKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.Carts;

internal sealed class CartEngine : ICartEngine
{
    private readonly ICartRepository _carts;
    private readonly IProductCatalog _catalog;
    private readonly CartResolver _resolver;
    private readonly CartWriter _writer;
    private readonly CartKitOptions _options;
    private readonly Currency _defaultCurrency;
    private readonly TimeProvider _time;
    private readonly ILogger<CartEngine> _logger;

    public CartEngine(
        ICartRepository carts,
        IProductCatalog catalog,
        CartResolver resolver,
        CartWriter writer,
        IOptions<CartKitOptions> options,
        TimeProvider time,
        ILogger<CartEngine> logger)
    {
        _carts = carts;
        _catalog = catalog;
        _resolver = resolver;
        _writer = writer;
        _options = options.Value;
        _defaultCurrency = Currency.FromCode(_options.DefaultCurrency);
        _time = time;
        _logger = logger;
    }

    public async ValueTask<CartKitResult<CartSessionCreated>> CreateSessionAsync(string? userId = null, CancellationToken cancellationToken = default)
    {
        if (!UserIds.IsValidOrNull(userId))
        {
            return UserIds.Invalid;
        }

        // A signed-in user keeps one active cart across sessions and devices.
        if (userId is not null && await _carts.FindActiveByUserAsync(userId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            var (joined, stored) = await _resolver.CreateSessionAsync(new CartSession(existing.Id, userId), cancellationToken).ConfigureAwait(false);
            var joinedCart = stored ? existing : await RecordOwnerSessionAsync(existing, joined.Id, cancellationToken).ConfigureAwait(false);
            return new CartSessionCreated(joined.Id, joined.ExpiresAt, joinedCart);
        }

        // The session is created first because the cart records the session that owns it (which is also what lets
        // a session the store never kept, because it was down, be restored from the cart later).
        var cartId = CartKitIds.NewCartId();
        var (session, _) = await _resolver.CreateSessionAsync(new CartSession(cartId, userId), cancellationToken).ConfigureAwait(false);
        var now = StoredTime.Now(_time);
        var cart = new Cart
        {
            Id = cartId,
            Owner = new CartOwner(session.Id, userId),
            Currency = _defaultCurrency,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
        };

        switch (await _carts.InsertAsync(cart, cancellationToken).ConfigureAwait(false))
        {
            case CartWriteResult.Written:
                return new CartSessionCreated(session.Id, session.ExpiresAt, cart);
            case CartWriteResult.UserHasActiveCart:
                // Another session of the same user created their cart first: share it.
                var winner = await _carts.FindActiveByUserAsync(userId!, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("The store reported an active cart for the user but returned none.");
                var (shared, sharedStored) = await _resolver.TrySetSessionAsync(session.Id, new CartSession(winner.Id, userId), cancellationToken)
                    .ConfigureAwait(false);
                var sharedCart = sharedStored ? winner : await RecordOwnerSessionAsync(winner, shared.Id, cancellationToken).ConfigureAwait(false);
                return new CartSessionCreated(shared.Id, shared.ExpiresAt, sharedCart);
            default:
                throw new InvalidOperationException("A freshly generated cart id already exists.");
        }
    }

    public ValueTask<CartKitResult<Cart>> GetCartAsync(CartCaller caller, CancellationToken cancellationToken = default) =>
        _resolver.ResolveAsync(caller, cancellationToken);

    public async ValueTask<CartKitResult<Cart>> AddItemAsync(
        CartCaller caller,
        string sku,
        int quantity,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default)
    {
        if (!Sku.IsValid(sku))
        {
            return CartErrors.InvalidSku();
        }

        if (quantity < 1)
        {
            return CartErrors.Validation("quantity", "The quantity to add must be at least 1.");
        }

        // Session first, so an unknown session is a 404 whatever the sku; then the catalog, once, outside the retries.
        var session = await _resolver.FindSessionAsync(caller.SessionId, cancellationToken).ConfigureAwait(false);
        if (!session.Succeeded)
        {
            return session.Error;
        }

        var product = await _catalog.FindAsync(sku, cancellationToken).ConfigureAwait(false);
        if (product is null)
        {
            return CartErrors.ProductNotFound(sku);
        }

        ProductRules.EnsureValid(product);
        if (!product.IsAvailable)
        {
            return CartErrors.ProductUnavailable(sku);
        }

        return await MutateAsync(
            caller,
            session.Value,
            expected,
            (product, quantity, _options),
            static (cart, s) => CartLines.Add(cart, s.product, s.quantity, s._options),
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<CartKitResult<Cart>> SetQuantityAsync(
        CartCaller caller,
        string itemId,
        int quantity,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default)
    {
        if (quantity < 0)
        {
            return ValueTask.FromResult<CartKitResult<Cart>>(CartErrors.Validation("quantity", "The quantity must be 0 or more (0 removes the line)."));
        }

        if (!CartKitIds.IsItemId(itemId))
        {
            return ValueTask.FromResult<CartKitResult<Cart>>(CartErrors.ItemNotFound);
        }

        return MutateAsync(
            caller,
            null,
            expected,
            (itemId, quantity, _options),
            static (cart, s) => CartLines.SetQuantity(cart, s.itemId, s.quantity, s._options),
            cancellationToken);
    }

    public ValueTask<CartKitResult<Cart>> RemoveItemAsync(
        CartCaller caller,
        string itemId,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default)
    {
        if (!CartKitIds.IsItemId(itemId))
        {
            return ValueTask.FromResult<CartKitResult<Cart>>(CartErrors.ItemNotFound);
        }

        return MutateAsync(caller, null, expected, itemId, static (cart, id) => CartLines.Remove(cart, id), cancellationToken);
    }

    public ValueTask<CartKitResult<Cart>> ClearAsync(
        CartCaller caller,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default) =>
        MutateAsync(caller, null, expected, 0, static (cart, _) => CartLines.Clear(cart), cancellationToken);

    public ValueTask<CartKitResult<Cart>> SetCheckoutDetailsAsync(
        CartCaller caller,
        CheckoutDetails details,
        CheckoutDetailsFields fields,
        ExpectedCart? expected = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var normalized = CheckoutDetailsRules.Normalize(details, fields);
        if (!normalized.Succeeded)
        {
            return ValueTask.FromResult<CartKitResult<Cart>>(normalized.Error);
        }

        // What the shopper gives now must be accepted by pricing, or the update is refused; what the cart kept from before
        // is checked again too, but dropped rather than refused when it no longer applies.
        var update = normalized.Value;
        var mustApply = new CheckoutDetails
        {
            DiscountCodes = fields.HasFlag(CheckoutDetailsFields.DiscountCodes) ? update.DiscountCodes : [],
            ShippingMethod = fields.HasFlag(CheckoutDetailsFields.ShippingMethod) ? update.ShippingMethod : null,
        };
        return MutateAsync(
            caller,
            null,
            expected,
            (update, fields),
            static (cart, s) => CheckoutDetailsRules.Apply(cart.Details, s.update, s.fields) is var next && ReferenceEquals(next, cart.Details)
                ? cart
                : cart with { Details = next },
            cancellationToken,
            mustApply.IsEmpty ? null : mustApply);
    }

    public ValueTask<CartKitResult<Cart>> AttachUserAsync(string sessionId, string userId, CancellationToken cancellationToken = default)
    {
        if (userId is null || !UserIds.IsValidOrNull(userId))
        {
            return ValueTask.FromResult<CartKitResult<Cart>>(UserIds.Invalid);
        }

        // Resolving as the user performs the attach (adopt or merge) on the way.
        return _resolver.ResolveAsync(new CartCaller(sessionId, userId), cancellationToken);
    }

    public ValueTask<CartPage> GetAbandonedCartsAsync(
        int pageSize = 100,
        string? continuationToken = null,
        CancellationToken cancellationToken = default) =>
        _carts.FindInactiveAsync(_time.GetUtcNow() - _options.SessionTtl, pageSize, continuationToken, cancellationToken);

    // Following a merge or a sign-in moves the session to another cart and makes progress, so the bound only stops a
    // cycle; conflicts on one cart are the writer's to retry.
    private async ValueTask<CartKitResult<Cart>> MutateAsync<TState>(
        CartCaller caller,
        SessionEntry<CartSession>? session,
        ExpectedCart? expected,
        TState state,
        Func<Cart, TState, CartKitResult<Cart>> edit,
        CancellationToken cancellationToken,
        CheckoutDetails? mustApply = null)
    {
        if (!UserIds.IsValidOrNull(caller.UserId))
        {
            return UserIds.Invalid;
        }

        // An edit that had to follow a sign-in first keeps the warnings of the merge that sign-in may have made: this
        // edit's response is the first to carry them.
        var redirected = false;
        for (var step = 1; step <= _options.MaxWriteAttempts; step++)
        {
            if (session is null)
            {
                var found = await _resolver.FindSessionAsync(caller.SessionId, cancellationToken).ConfigureAwait(false);
                if (!found.Succeeded)
                {
                    return found.Error;
                }

                session = found.Value;
            }

            var write = await _writer.WriteAsync(
                session.Value.CartId,
                "cart edit",
                (caller.UserId, expected, state, edit, redirected, mustApply),
                static (cart, s) => DecideEdit(cart, s.UserId, s.expected, s.state, s.edit, clearWarnings: !s.redirected, s.mustApply),
                cancellationToken).ConfigureAwait(false);
            switch (write.Outcome)
            {
                case CartWriteOutcome.Written:
                case CartWriteOutcome.Unchanged:
                    return write.Cart!;
                case CartWriteOutcome.Refused:
                    return write.Error!;
                case CartWriteOutcome.Exhausted:
                    return CartErrors.ConcurrencyConflict;
                case CartWriteOutcome.Stopped:
                    if (!await _resolver.RedirectAsync(session, write.Cart!, caller.UserId, cancellationToken).ConfigureAwait(false))
                    {
                        return CartErrors.ConcurrencyConflict;
                    }

                    session = null;
                    redirected = true;
                    break;
                default:
                    throw new InvalidOperationException("The store refused a line edit as a user's second active cart, but a line edit changes no owner.");
            }
        }

        Log.AttemptsExhausted(_logger, "following redirects for a cart edit", _options.MaxWriteAttempts);
        return CartErrors.ConcurrencyConflict;
    }

    // A caller who pinned a cart and version (If-Match) is refused once the fresh cart is at another version, including
    // when another writer won the compare-and-swap meanwhile (the retry's fresh read shows the new version), or is
    // another cart: after following a merge to the user's cart, which may be at the very version the guest cart was.
    private static CartChange DecideEdit<TState>(
        Cart? cart,
        string? userId,
        ExpectedCart? expected,
        TState state,
        Func<Cart, TState, CartKitResult<Cart>> edit,
        bool clearWarnings,
        CheckoutDetails? mustApply)
    {
        switch (CartAccessRules.Classify(cart, userId))
        {
            case CartAccess.NotFound:
                return CartChange.Refuse(CartErrors.SessionNotFound);
            case CartAccess.Redirect:
                return CartChange.Stop;
        }

        if (cart!.Status == CartStatus.Completed)
        {
            return CartChange.Refuse(CartErrors.CartCompleted);
        }

        if (expected is { } precondition && !precondition.Matches(cart))
        {
            return CartChange.Refuse(CartErrors.VersionMismatch);
        }

        var edited = edit(cart, state);
        if (!edited.Succeeded)
        {
            return CartChange.Refuse(edited.Error);
        }

        if (ReferenceEquals(edited.Value, cart))
        {
            return CartChange.Keep;
        }

        // A merge's warnings are news until the shopper changes the cart: the first edit that writes clears them, so
        // they are not shown forever (an edit that changes nothing keeps them).
        return CartChange.Write(
            clearWarnings && edited.Value.Warnings.Count > 0 ? edited.Value with { Warnings = Frozen.Empty<CartWarning>() } : edited.Value,
            mustApply);
    }

    // While the session store is down, a new session exists only as a cart's owner session in the source of truth,
    // which is what restore reads: a user joining their cart from a new device records the new session there (the
    // cart's owner is "the session that last signed in to it"), or the session could never be found again.
    private async ValueTask<Cart> RecordOwnerSessionAsync(Cart cart, string sessionId, CancellationToken cancellationToken)
    {
        var write = await _writer.WriteAsync(
            cart.Id,
            "session record",
            sessionId,
            static (current, id) => current is { Status: CartStatus.Active }
                ? CartChange.Write(current with { Owner = current.Owner with { SessionId = id } })
                : CartChange.Stop,
            cancellationToken).ConfigureAwait(false);
        return write.Cart ?? cart;
    }
}
