using CartKit.Caching;
using CartKit.Carts;
using CartKit.Catalog;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Internal;
using CartKit.Pricing;
using CartKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.Checkout;

// Checkout: cart to pending order. Exactly one order per cart version, whatever the concurrency, because the order
// store refuses a second (cart id, cart version); the checkout lock only saves duplicate pricing work. At most one
// order of a cart is payable at a time, without relying on the lock (it is best-effort across processes): a new order
// supersedes the pending orders of older versions, and one that finds a newer or paid order of its cart after its insert
// (a checkout that read the cart before a newer checkout finished) supersedes itself. Of any two pending orders, the
// one of the older version is superseded by whichever of those two steps runs last.
internal sealed partial class CheckoutEngine : ICheckoutEngine
{
    private readonly CartResolver _resolver;
    private readonly CartWriter _writer;
    private readonly CartCompletion _completion;
    private readonly CartReader _reader;
    private readonly IOrderRepository _orders;
    private readonly IIdempotencyKeyStore _keys;
    private readonly IProductCatalog _catalog;
    private readonly CartPricer _pricer;
    private readonly StockReservations _stock;
    private readonly ICheckoutLock _checkoutLock;
    private readonly CartKitOptions _options;
    private readonly TimeProvider _time;
    private readonly CartKitMetrics _metrics;
    private readonly ILogger<CheckoutEngine> _logger;

    public CheckoutEngine(
        CartResolver resolver,
        CartWriter writer,
        CartCompletion completion,
        CartReader reader,
        IOrderRepository orders,
        IIdempotencyKeyStore keys,
        IProductCatalog catalog,
        CartPricer pricer,
        StockReservations stock,
        ICheckoutLock checkoutLock,
        IOptions<CartKitOptions> options,
        TimeProvider time,
        CartKitMetrics metrics,
        ILogger<CheckoutEngine> logger)
    {
        _resolver = resolver;
        _writer = writer;
        _completion = completion;
        _reader = reader;
        _orders = orders;
        _keys = keys;
        _catalog = catalog;
        _pricer = pricer;
        _stock = stock;
        _checkoutLock = checkoutLock;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
    }

    public async ValueTask<CartKitResult<CheckoutOutcome>> CheckoutAsync(
        CartCaller caller,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        if (idempotencyKey is not null && !CheckoutInputs.IsValidIdempotencyKey(idempotencyKey))
        {
            return CheckoutInputs.InvalidIdempotencyKey;
        }

        var resolved = await _resolver.ResolveAsync(caller, cancellationToken).ConfigureAwait(false);
        if (!resolved.Succeeded)
        {
            return resolved.Error;
        }

        return idempotencyKey is null
            ? await CheckoutCartAsync(resolved.Value, cancellationToken).ConfigureAwait(false)
            : await CheckoutWithKeyAsync(resolved.Value, idempotencyKey, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<CartKitResult<CheckoutOutcome>> CheckoutWithKeyAsync(Cart cart, string key, CancellationToken cancellationToken)
    {
        var now = StoredTime.Now(_time);
        var claim = new IdempotencyRecord(
            key,
            cart.Id,
            Base64UrlIds.New(16),
            OrderId: null,
            now + _options.IdempotencyKeyLease,
            now + _options.IdempotencyKeyLifetime);
        var holder = await _keys.TryClaimAsync(claim, now, cancellationToken).ConfigureAwait(false);
        if (holder is not null)
        {
            return await ReplayAsync(holder, cart, cancellationToken).ConfigureAwait(false);
        }

        CartKitResult<CheckoutOutcome> result;
        try
        {
            result = await CheckoutCartAsync(cart, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseQuietlyAsync(key, claim.ClaimToken).ConfigureAwait(false);
            throw;
        }

        // Only a checkout that produced an order is remembered; a refused one (empty cart, unavailable product)
        // frees the key so the client can fix the cart and retry with it.
        if (result.Succeeded)
        {
            await _keys.CompleteAsync(key, claim.ClaimToken, result.Value.Order.Id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _keys.ReleaseAsync(key, claim.ClaimToken, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async ValueTask<CartKitResult<CheckoutOutcome>> ReplayAsync(IdempotencyRecord holder, Cart cart, CancellationToken cancellationToken)
    {
        if (!string.Equals(holder.CartId, cart.Id, StringComparison.Ordinal))
        {
            return CartErrors.IdempotencyKeyReused;
        }

        if (!holder.IsCompleted)
        {
            return CartErrors.IdempotencyKeyInProgress;
        }

        var order = await _orders.GetAsync(holder.OrderId!, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("An idempotency key points at an order that does not exist.");
        return new CheckoutOutcome(order, Created: false);
    }

    private async ValueTask<CartKitResult<CheckoutOutcome>> CheckoutCartAsync(Cart cart, CancellationToken cancellationToken)
    {
        if (Refuse(cart) is { } refused)
        {
            return refused;
        }

        await using (await _checkoutLock.AcquireAsync(cart.Id, cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 1; attempt <= _options.MaxWriteAttempts; attempt++)
            {
                // Read again under the lock: the cart the request resolved may have changed since.
                var fresh = await _reader.ReadAsync(cart.Id, cancellationToken).ConfigureAwait(false);
                if (fresh is null || fresh.Status == CartStatus.Merged)
                {
                    return CartErrors.ConcurrencyConflict; // The session moved on; the client's retry resolves it again.
                }

                if (Refuse(fresh) is { } refusedNow)
                {
                    return refusedNow;
                }

                var now = StoredTime.Now(_time);
                var existing = await _orders.FindByCartVersionAsync(fresh.Id, fresh.Version, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    switch (OrderLifecycle.OnCheckout(existing.StatusAt(now)))
                    {
                        case CheckoutStep.Reuse:
                            return new CheckoutOutcome(existing, Created: false);
                        case CheckoutStep.CartCompleted:
                            // Paid but the cart was not marked completed (a crash between the two writes): repair, then refuse.
                            await _completion.CompleteAsync(existing, isRepair: true, cancellationToken).ConfigureAwait(false);
                            return CartErrors.CartCompleted;
                        default:
                            await RecordExpiryAsync(existing, now, cancellationToken).ConfigureAwait(false);
                            await _stock.ReleaseAsync(existing).ConfigureAwait(false);
                            if (!await FreeCartAsync(fresh, cancellationToken).ConfigureAwait(false))
                            {
                                return CartErrors.ConcurrencyConflict;
                            }

                            continue;
                    }
                }

                var priced = await PriceAsync(fresh, now, cancellationToken).ConfigureAwait(false);
                if (!priced.Succeeded)
                {
                    return priced.Error;
                }

                // Reserved before the insert, so a paid order always holds its units. A lost insert shares the winner's
                // reservation (same cart version). An insert that failed is not undone here: it may have reached the
                // store all the same (a timeout after the write), and releasing would leave that order without its
                // units. The reservation expires with the order it was made for, and the expiry sweep then releases it
                // (no order, or one never paid) or commits it (paid), as for a process that died in between.
                if (await _stock.ReserveAsync(priced.Value, cancellationToken).ConfigureAwait(false) is { } shortage)
                {
                    return shortage;
                }

                var inserted = await _orders.InsertAsync(priced.Value, cancellationToken).ConfigureAwait(false);

                if (!inserted.Inserted)
                {
                    continue; // Another checkout of this version won; the next pass finds its order.
                }

                if (await SettleAsync(inserted.Order, cancellationToken).ConfigureAwait(false) is { } settled)
                {
                    return settled;
                }
            }

            Log.AttemptsExhausted(_logger, "checkout", _options.MaxWriteAttempts);
            return CartErrors.ConcurrencyConflict;
        }
    }

    private static CartKitError? Refuse(Cart cart) =>
        cart.Status == CartStatus.Completed ? CartErrors.CartCompleted
        : cart.Lines.Count == 0 ? CartErrors.CartEmpty
        : null;

    // After the insert: the order stays payable only if no order of a newer cart version exists and none of the cart is
    // paid; otherwise it supersedes itself. Null: it lost to a newer order that is no longer pending; check out again.
    private async ValueTask<CartKitResult<CheckoutOutcome>?> SettleAsync(Order order, CancellationToken cancellationToken)
    {
        Order? paid = null, newer = null;
        foreach (var other in await _orders.ListByCartAsync(order.CartId, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(other.Id, order.Id, StringComparison.Ordinal))
            {
                continue;
            }

            if (other.Status == OrderStatus.Paid)
            {
                paid = other;
            }
            else if (other.CartVersion > order.CartVersion && (newer is null || other.CartVersion > newer.CartVersion))
            {
                newer = other;
            }
        }

        var now = StoredTime.Now(_time);
        if (paid is null && newer is null)
        {
            // The new order first, then the older pending ones superseded: a crash in between leaves an extra pending
            // order of an older version, which the next checkout or payment of the cart supersedes.
            var superseded = await _orders.SupersedePendingAsync(order.CartId, order.CartVersion, now, cancellationToken).ConfigureAwait(false);
            if (superseded > 0)
            {
                _metrics.Superseded(superseded);
                await _stock.ReleaseClosedAsync(order.CartId, cancellationToken).ConfigureAwait(false);
            }

            return new CheckoutOutcome(order, Created: true);
        }

        await _orders.CloseAsync(order.Id, OrderStatus.Superseded, now, cancellationToken).ConfigureAwait(false);
        _metrics.Superseded(1);
        await _stock.ReleaseAsync(order).ConfigureAwait(false);
        if (paid is not null)
        {
            await _completion.CompleteAsync(paid, isRepair: true, cancellationToken).ConfigureAwait(false);
            return CartErrors.CartCompleted;
        }

        if (newer!.StatusAt(now) == OrderStatus.PendingPayment)
        {
            return new CheckoutOutcome(newer, Created: false);
        }

        return null;
    }

    // An order that expired while pending reads as Expired already; the store records it when checkout meets it.
    private async ValueTask RecordExpiryAsync(Order order, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (order.Status == OrderStatus.PendingPayment
            && await _orders.CloseAsync(order.Id, OrderStatus.Expired, now, cancellationToken).ConfigureAwait(false) is { Status: OrderStatus.Expired } closed
            && closed.ClosedAt == now)
        {
            _metrics.OrderClosed("expired");
        }
    }

    // An order of this cart version ended without payment (expired, cancelled, superseded, in conflict): the next order
    // needs a new version, since the store holds one order per version. False when the write gave up.
    private async ValueTask<bool> FreeCartAsync(Cart cart, CancellationToken cancellationToken)
    {
        var write = await _writer.WriteAsync(
            cart.Id,
            "cart release",
            cart.Version,
            static (fresh, version) => fresh is { Status: CartStatus.Active } && fresh.Version == version ? CartChange.Write(fresh) : CartChange.Stop,
            cancellationToken).ConfigureAwait(false);
        return write.Outcome != CartWriteOutcome.Exhausted;
    }

    // Prices are never taken from the cart: every line is priced again from the catalog at checkout time. A price that
    // differs from the cart's, or a product no longer available, is never turned into an order silently: the cart is
    // re-priced (a new version) and the checkout refused with the list, so the shopper sees the new total first.
    private async ValueTask<CartKitResult<Order>> PriceAsync(Cart cart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var skus = cart.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToArray();
        var products = await _catalog.FindManyAsync(skus, cancellationToken).ConfigureAwait(false);
        var lines = new LineItem[cart.Lines.Count];
        List<PriceChange>? changes = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = cart.Lines[i];
            if (!products.TryGetValue(line.Sku, out var product) || !product.IsAvailable)
            {
                (changes ??= []).Add(new PriceChange(line.ItemId, line.Sku, line.UnitPrice, UnitPrice: null));
                continue;
            }

            ProductRules.EnsureValid(product);
            if (!ReferenceEquals(product.UnitPrice.Currency, cart.Currency))
            {
                return CartErrors.CurrencyMismatch(line.Sku, product.UnitPrice.Currency.Code, cart.Currency.Code);
            }

            if (product.UnitPrice != line.UnitPrice)
            {
                (changes ??= []).Add(new PriceChange(line.ItemId, line.Sku, line.UnitPrice, product.UnitPrice));
            }

            lines[i] = line with { Name = product.Name, UnitPrice = product.UnitPrice };
        }

        if (changes is not null)
        {
            await RepriceAsync(cart.Id, products, cancellationToken).ConfigureAwait(false);
            Log.PricesChanged(_logger, changes.Count);
            _metrics.PricesChanged(changes.Count);
            return CartErrors.PriceChanged(changes);
        }

        var pricing = await _pricer.PriceAsync(cart.Currency, lines, cart.Details, cart.Owner.UserId, cancellationToken).ConfigureAwait(false);
        return new Order
        {
            Id = CartKitIds.NewOrderId(),
            CartId = cart.Id,
            CartVersion = cart.Version,
            Owner = cart.Owner,
            Status = OrderStatus.PendingPayment,
            Currency = cart.Currency,
            Lines = Frozen.Own(lines),
            Adjustments = pricing.Adjustments,
            Details = pricing.Details,
            CreatedAt = now,
            ExpiresAt = now + _options.PendingOrderTtl,
        };
    }

    // Applies the catalog's prices to the fresh cart and drops lines whose product is gone; the writer prices the result.
    private async ValueTask RepriceAsync(string cartId, IReadOnlyDictionary<string, CatalogProduct> products, CancellationToken cancellationToken) =>
        await _writer.WriteAsync(
            cartId,
            "checkout re-price",
            products,
            static (cart, catalog) =>
            {
                if (cart is not { Status: CartStatus.Active })
                {
                    return CartChange.Stop;
                }

                var lines = new List<LineItem>(cart.Lines.Count);
                var changed = false;
                foreach (var line in cart.Lines)
                {
                    if (!catalog.TryGetValue(line.Sku, out var product) || !product.IsAvailable)
                    {
                        changed = true;
                        continue;
                    }

                    changed |= product.UnitPrice != line.UnitPrice;
                    lines.Add(product.UnitPrice == line.UnitPrice ? line : line with { UnitPrice = product.UnitPrice });
                }

                return changed ? CartChange.Write(cart with { Lines = Frozen.Own(lines.ToArray()) }) : CartChange.Keep;
            },
            cancellationToken).ConfigureAwait(false);

    private async ValueTask ReleaseQuietlyAsync(string key, string claimToken)
    {
        try
        {
            await _keys.ReleaseAsync(key, claimToken, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The original failure is what the caller must see; the lease frees the key anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.IdempotencyReleaseFailed(_logger, ex);
        }
    }
}
