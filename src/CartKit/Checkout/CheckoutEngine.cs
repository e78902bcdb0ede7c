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
// store refuses a second (cart id, cart version); the checkout lock only saves duplicate pricing work.
internal sealed partial class CheckoutEngine : ICheckoutEngine
{
    private readonly CartResolver _resolver;
    private readonly CartWriter _writer;
    private readonly CartReader _reader;
    private readonly IOrderRepository _orders;
    private readonly IIdempotencyKeyStore _keys;
    private readonly IProductCatalog _catalog;
    private readonly CartPricer _pricer;
    private readonly ICheckoutLock _checkoutLock;
    private readonly CartKitOptions _options;
    private readonly TimeProvider _time;
    private readonly CartKitMetrics _metrics;
    private readonly ILogger<CheckoutEngine> _logger;

    public CheckoutEngine(
        CartResolver resolver,
        CartWriter writer,
        CartReader reader,
        IOrderRepository orders,
        IIdempotencyKeyStore keys,
        IProductCatalog catalog,
        CartPricer pricer,
        ICheckoutLock checkoutLock,
        IOptions<CartKitOptions> options,
        TimeProvider time,
        CartKitMetrics metrics,
        ILogger<CheckoutEngine> logger)
    {
        _resolver = resolver;
        _writer = writer;
        _reader = reader;
        _orders = orders;
        _keys = keys;
        _catalog = catalog;
        _pricer = pricer;
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
        if (cart.Status == CartStatus.Completed)
        {
            return CartErrors.CartCompleted;
        }

        if (cart.Lines.Count == 0)
        {
            return CartErrors.CartEmpty;
        }

        await using (await _checkoutLock.AcquireAsync(cart.Id, cancellationToken).ConfigureAwait(false))
        {
            var existing = await _orders.FindByCartVersionAsync(cart.Id, cart.Version, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return await ExistingOrderAsync(existing, cancellationToken).ConfigureAwait(false);
            }

            var priced = await PriceAsync(cart, cancellationToken).ConfigureAwait(false);
            if (!priced.Succeeded)
            {
                return priced.Error;
            }

            var inserted = await _orders.InsertAsync(priced.Value, cancellationToken).ConfigureAwait(false);
            if (!inserted.Inserted)
            {
                return await ExistingOrderAsync(inserted.Order, cancellationToken).ConfigureAwait(false);
            }

            // The new order first, then the older pending ones superseded: a crash in between leaves an extra
            // pending order, never none. Paying it is still guarded by "one paid order per cart".
            var superseded = await _orders.SupersedePendingAsync(cart.Id, cart.Version, cancellationToken).ConfigureAwait(false);
            if (superseded > 0)
            {
                _metrics.Superseded(superseded);
            }

            return new CheckoutOutcome(inserted.Order, Created: true);
        }
    }

    private async ValueTask<CartKitResult<CheckoutOutcome>> ExistingOrderAsync(Order order, CancellationToken cancellationToken)
    {
        if (order.Status == OrderStatus.Paid)
        {
            // Paid but the cart was not marked completed (a crash between the two writes): repair, then refuse.
            await CompleteCartAsync(order, isRepair: true, cancellationToken).ConfigureAwait(false);
            return CartErrors.CartCompleted;
        }

        return new CheckoutOutcome(order, Created: false);
    }

    // Prices are never taken from the cart: every line is priced again from the catalog at checkout time.
    private async ValueTask<CartKitResult<Order>> PriceAsync(Cart cart, CancellationToken cancellationToken)
    {
        var skus = cart.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToArray();
        var products = await _catalog.FindManyAsync(skus, cancellationToken).ConfigureAwait(false);
        var lines = new LineItem[cart.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = cart.Lines[i];
            if (!products.TryGetValue(line.Sku, out var product) || !product.IsAvailable)
            {
                return CartErrors.ProductUnavailable(line.Sku);
            }

            ProductRules.EnsureValid(product);
            if (!ReferenceEquals(product.UnitPrice.Currency, cart.Currency))
            {
                return CartErrors.CurrencyMismatch(line.Sku, product.UnitPrice.Currency.Code, cart.Currency.Code);
            }

            lines[i] = line with { Name = product.Name, UnitPrice = product.UnitPrice };
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
            CreatedAt = StoredTime.Now(_time),
        };
    }

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
