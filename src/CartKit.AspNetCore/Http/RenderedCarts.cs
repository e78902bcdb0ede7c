using System.Text.Json;
using CartKit.AspNetCore.Serialization;
using CartKit.Caching;
using CartKit.Domain;

namespace CartKit.AspNetCore.Http;

// The JSON body and ETag last written for each cart, in the reuse table "rendered_carts" (see ReuseTables), so reading
// an unchanged cart again sends the bytes written last time instead of mapping and serializing it again. An entry is
// reused for the very snapshot it was rendered from, or another with the same cart id, version and content hash: it
// never depends on the store handing back the same Cart instance, and a snapshot that differs in anything the body
// shows is rendered anew. Bodies longer than MaxBodyBytes
// are not kept; the table's capacity bounds the rest.
internal static class RenderedCarts
{
    public const string Table = "rendered_carts";
    internal const int MaxBodyBytes = 4_096;

    public static RenderedCart Render(ReuseTables reuse, Cart cart)
    {
        var table = reuse.ForCarts<RenderedCart>(Table);

        // The common hit is the very snapshot rendered last (the cache reuses decoded carts): snapshots are immutable, so
        // the same instance is the same content, without hashing it. Any other instance is matched on its content.
        if (table.TryGetCurrent(cart.Id, cart, static (rendered, c) => rendered.Recognizes(c), out var known))
        {
            return known!;
        }

        var rendered = new RenderedCart(
            new WeakReference<Cart>(cart),
            cart.Id,
            cart.Version,
            ContentHash(cart),
            JsonSerializer.SerializeToUtf8Bytes(cart.ToResponse(), CartKitJsonContext.Default.CartResponse),
            RequestHeaders.ETag(cart));
        if (rendered.Body.Length <= MaxBodyBytes)
        {
            table.Set(cart.Id, rendered);
        }

        return rendered;
    }

    // Every field the body is made from. HashCode is seeded per process, like the table it keys.
    internal static int ContentHash(Cart cart)
    {
        var hash = default(HashCode);
        hash.Add(cart.Id);
        hash.Add(cart.Status);
        hash.Add(cart.Currency.Code);
        hash.Add(cart.Version);
        hash.Add(cart.CreatedAt.UtcTicks);
        hash.Add(cart.UpdatedAt.UtcTicks);
        foreach (var line in cart.Lines)
        {
            hash.Add(line.ItemId);
            hash.Add(line.Sku);
            hash.Add(line.Name);
            hash.Add(line.UnitPrice.Amount);
            hash.Add(line.Quantity);
        }

        foreach (var adjustment in cart.Adjustments)
        {
            hash.Add(adjustment.Name);
            hash.Add(adjustment.Amount.Amount);
        }

        hash.Add(cart.Details);

        return hash.ToHashCode();
    }

}

// A cart's response body (UTF-8 JSON of CartResponse) and its ETag, for the cart id, version and content they were
// written from. Source points weakly at that snapshot: enough to recognize it again without hashing, without keeping a
// large cart alive that no other table holds.
internal sealed record RenderedCart(WeakReference<Cart> Source, string CartId, long Version, int ContentHash, byte[] Body, string ETag)
{
    public bool IsFrom(Cart cart) => Source.TryGetTarget(out var source) && ReferenceEquals(source, cart);

    // The snapshot it was served for, or another with the same id, version and content. That other one becomes the
    // source: the cache keeps one snapshot per entry, not always the first one decoded, and following it lets its next
    // read be recognized without hashing again. Either instance is right, so a race between two readers is harmless.
    public bool Recognizes(Cart cart)
    {
        if (IsFrom(cart))
        {
            return true;
        }

        if (cart.Version != Version || !string.Equals(cart.Id, CartId, StringComparison.Ordinal) || RenderedCarts.ContentHash(cart) != ContentHash)
        {
            return false;
        }

        Source.SetTarget(cart);
        return true;
    }
}
