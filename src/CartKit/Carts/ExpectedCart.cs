using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CartKit.Domain;

namespace CartKit.Carts;

/// <summary>
/// The cart an edit was prepared against, for a conditional edit (HTTP's <c>If-Match</c>): the edit applies only while
/// the session's cart is at <see cref="Version"/> and, when <see cref="CartTag"/> is set, is the cart the tag was taken
/// from. Otherwise the edit is refused with <see cref="CartKitErrorCode.VersionMismatch"/> and nothing is written.
/// </summary>
/// <param name="Version">The cart version the edit expects.</param>
/// <param name="CartTag">
/// The <see cref="CartTag"/> of the cart the edit expects (from <see cref="Of(Cart)"/>), or <see langword="null"/> for
/// whichever cart the session reaches.
/// </param>
/// <remarks>
/// A version alone does not name a cart: a sign-in merge moves a guest's session to the user's cart, which can be at
/// the same version. <see cref="Of(Cart)"/> also carries the cart's tag, a short fingerprint of its id (the first 36
/// bits of its SHA-256, as <see cref="CartTagLength"/> URL-safe base64 characters), so an expectation taken from one
/// cart does not match another: two carts at the same version share a tag with a chance of 1 in 2^36. A plain
/// <see cref="long"/> converts to a version-only expectation.
/// </remarks>
public readonly record struct ExpectedCart(long Version, string? CartTag = null)
{
    /// <summary>The length of a <see cref="CartTag"/>.</summary>
    public const int CartTagLength = 6;

    /// <summary>Expects exactly this cart: its version and its tag.</summary>
    /// <param name="cart">The cart the edit was prepared against.</param>
    /// <returns>The expectation.</returns>
    public static ExpectedCart Of(Cart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return new ExpectedCart(cart.Version, TagOf(cart.Id));
    }

    /// <summary>Expects any cart at this version (what a bare version number says).</summary>
    /// <param name="version">The version.</param>
    public static implicit operator ExpectedCart(long version) => new(version);

    /// <summary>Creates a version-only expectation; the named alternative to the implicit conversion.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The expectation.</returns>
    public static ExpectedCart FromVersion(long version) => new(version);

    /// <summary>Gets whether <paramref name="cart"/> is the cart this expectation names, at its version.</summary>
    /// <param name="cart">The current cart.</param>
    /// <returns><see langword="true"/> when the edit may apply.</returns>
    public bool Matches(Cart cart)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (cart.Version != Version)
        {
            return false;
        }

        if (CartTag is null)
        {
            return true;
        }

        Span<char> tag = stackalloc char[CartTagLength];
        WriteTag(cart.Id, tag);
        return tag.SequenceEqual(CartTag);
    }

    internal static string TagOf(string cartId) => string.Create(CartTagLength, cartId, static (tag, id) => WriteTag(id, tag));

    // SHA-256 for a fingerprint that is the same in every process and release, and spreads ids of any shape (a store
    // may make its own); the first 36 bits, which are the first 6 characters of the hash's URL-safe base64.
    private static void WriteTag(string cartId, Span<char> tag)
    {
        var length = Encoding.UTF8.GetByteCount(cartId);
        var utf8 = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(cartId, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        Span<char> encoded = stackalloc char[8];
        Base64Url.EncodeToChars(hash[..6], encoded);
        encoded[..CartTagLength].CopyTo(tag);
    }
}
