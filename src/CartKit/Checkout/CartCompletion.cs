using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CartKit.Carts;
using CartKit.Diagnostics;
using CartKit.Domain;
using CartKit.Internal;
using CartKit.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartKit.Checkout;

// What a paid order does to its cart: the cart becomes Completed, and whatever the cart held beyond the order's snapshot
// (lines added or units raised after checkout) moves to a remainder cart for the same owner, so nothing the shopper
// added is lost. Two writes without a transaction, in an order that a crash cannot make lose lines: first the cart is
// completed with a pointer to the remainder (its id derived from the order id, so every attempt names the same cart),
// then the remainder is created from the completed cart and the order, both unchanged from then on. Whoever meets the
// pointer next (the session's reader, a repeated payment, an order read) creates it if a crash skipped that.
internal sealed class CartCompletion(
    CartWriter writer,
    ICartRepository carts,
    IOrderRepository orders,
    IOptions<CartKitOptions> options,
    TimeProvider time,
    ILogger<CartCompletion> logger)
{
    // Idempotent. isRepair: the order was found paid already, so a write here means an earlier confirmation stopped
    // between its writes.
    public async ValueTask CompleteAsync(Order paid, bool isRepair, CancellationToken cancellationToken)
    {
        var write = await writer.WriteAsync(
            paid.CartId,
            "cart completion",
            paid,
            static (cart, order) => cart is null || cart.Status == CartStatus.Completed
                ? CartChange.Keep
                : CartChange.Write(cart with
                {
                    Status = CartStatus.Completed,
                    CompletedByOrderId = order.Id,
                    RemainderCartId = RemainderLines(cart, order).Length > 0 ? RemainderCartId(order.Id) : null,
                }),
            cancellationToken).ConfigureAwait(false);
        if (write.Outcome == CartWriteOutcome.Written && isRepair)
        {
            Log.CartCompletionRepaired(logger);
        }

        var completed = write.Outcome == CartWriteOutcome.Written ? write.Cart : write.Cart ?? await carts.GetAsync(paid.CartId, cancellationToken).ConfigureAwait(false);
        if (completed is { RemainderCartId: not null } && string.Equals(completed.CompletedByOrderId, paid.Id, StringComparison.Ordinal))
        {
            await EnsureRemainderAsync(completed, paid, cancellationToken).ConfigureAwait(false);
        }
    }

    // The remainder cart of a completed cart, created if a crash skipped it; null when it cannot be (the order is gone).
    public async ValueTask<string?> EnsureRemainderAsync(Cart completed, CancellationToken cancellationToken)
    {
        if (completed.RemainderCartId is not { } remainderId || completed.CompletedByOrderId is not { } orderId)
        {
            return null;
        }

        if (await carts.GetAsync(remainderId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return remainderId;
        }

        var order = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        return order is null ? null : await EnsureRemainderAsync(completed, order, cancellationToken).ConfigureAwait(false);
    }

    // Per sku, the units the cart held beyond the order's; each keeps the cart line's item id, name and price.
    internal static LineItem[] RemainderLines(Cart cart, Order order)
    {
        var bought = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in order.Lines)
        {
            bought[line.Sku] = bought.GetValueOrDefault(line.Sku) + line.Quantity;
        }

        var rest = new List<LineItem>();
        foreach (var line in cart.Lines)
        {
            var left = line.Quantity - bought.GetValueOrDefault(line.Sku);
            if (left > 0)
            {
                rest.Add(line with { Quantity = left });
            }

            bought[line.Sku] = Math.Max(0, bought.GetValueOrDefault(line.Sku) - line.Quantity);
        }

        return [.. rest];
    }

    // Derived from the order id, so every attempt (and every process) names the same remainder cart.
    internal static string RemainderCartId(string orderId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes("cartkit:remainder:" + orderId), hash);
        return Base64Url.EncodeToString(hash[..16]);
    }

    private async ValueTask<string?> EnsureRemainderAsync(Cart completed, Order order, CancellationToken cancellationToken)
    {
        var remainderId = completed.RemainderCartId!;
        var lines = RemainderLines(completed, order);
        var now = StoredTime.Now(time);
        var remainder = new Cart
        {
            Id = remainderId,
            Owner = completed.Owner,
            Status = CartStatus.Active,
            Currency = completed.Currency,
            Lines = Frozen.Own(lines),
            Details = completed.Details,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
        };
        switch (await carts.InsertAsync(remainder, cancellationToken).ConfigureAwait(false))
        {
            case CartWriteResult.Written:
                Log.RemainderCartCreated(logger, lines.Length);

                // Priced like any edit (the writer prices a cart whose lines changed), so its total shows adjustments.
                await writer.WriteAsync(
                    remainderId,
                    "remainder pricing",
                    0,
                    static (cart, _) => cart is { Version: 1, Status: CartStatus.Active } ? CartChange.Write(cart with { Lines = [.. cart.Lines] }) : CartChange.Keep,
                    cancellationToken).ConfigureAwait(false);
                return remainderId;
            case CartWriteResult.UserHasActiveCart:
                // The user already started another cart: the rest goes into it, once (recorded like a merged guest cart).
                return await AddToUsersCartAsync(completed.Owner.UserId!, remainder, cancellationToken).ConfigureAwait(false);
            default:
                return remainderId; // Created by a concurrent completion.
        }
    }

    private async ValueTask<string?> AddToUsersCartAsync(string userId, Cart remainder, CancellationToken cancellationToken)
    {
        var target = await carts.FindActiveByUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return null;
        }

        var write = await writer.WriteAsync(
            target.Id,
            "remainder merge",
            (remainder, options.Value),
            static (cart, s) => cart is not { Status: CartStatus.Active } || cart.MergedCartIds.Contains(s.remainder.Id)
                ? CartChange.Keep
                : CartChange.Write(CartMerge.Merge(cart, s.remainder, s.Value, CartMergeStrategy.Sum) with { MergedCartIds = [.. cart.MergedCartIds, s.remainder.Id] }),
            cancellationToken).ConfigureAwait(false);
        return write.Outcome == CartWriteOutcome.Exhausted ? null : target.Id;
    }
}
