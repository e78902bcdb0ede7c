using System.Text.Json;
using CartKit.AspNetCore.Serialization;
using CartKit.Caching;
using CartKit.Domain;

namespace CartKit.AspNetCore.Http;

// The JSON body and ETag last written for each cart, in the reuse table "rendered_carts" (see ReuseTables), so reading
// an unchanged cart again sends the bytes written last time instead of mapping and serializing it again. An entry is
// reused only for the same cart id, version and content hash: it never depends on the store handing back the same Cart
// instance, and a snapshot that differs in anything the body shows is rendered anew. Bodies longer than MaxBodyBytes
// are not kept; the table's capacity bounds the rest.
internal static class RenderedCarts
{
    public const string Table = "rendered_carts";
    internal const int MaxBodyBytes = 4_096;

    public static RenderedCart Render(ReuseTables reuse, Cart cart)
    {
        var table = reuse.ForCarts<RenderedCart>(Table);
        var key = new Key(cart.Version, ContentHash(cart));
        if (table.TryGetCurrent(cart.Id, key, static (rendered, k) => rendered.Version == k.Version && rendered.ContentHash == k.ContentHash, out var known))
        {
            return known!;
        }

        var rendered = new RenderedCart(
            cart.Version,
            key.ContentHash,
            JsonSerializer.SerializeToUtf8Bytes(cart.ToResponse(), CartKitJsonContext.Default.CartResponse),
            RequestHeaders.ETag(cart.Version));
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

        return hash.ToHashCode();
    }

    private readonly record struct Key(long Version, int ContentHash);
}

// A cart's response body (UTF-8 JSON of CartResponse) and its ETag, for the version and content they were written from.
internal sealed record RenderedCart(long Version, int ContentHash, byte[] Body, string ETag);
