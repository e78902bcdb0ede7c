using System.Text.Json.Serialization.Metadata;

namespace CartKit.Sessions;

/// <summary>Options for the <see cref="ISessionStore{T}"/> of one session type.</summary>
/// <typeparam name="T">The session value type.</typeparam>
public sealed class SessionStoreOptions<T>
    where T : class
{
    /// <summary>
    /// Gets or sets the key prefix that keeps this session type apart from others in a shared store
    /// (for example <c>cart:s:</c>). Letters, digits and <c>:</c>, <c>-</c>, <c>_</c>, <c>.</c>; at most 64 characters.
    /// </summary>
    /// <value>Required; no default.</value>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Gets or sets how long a session lives (since its last use, with sliding expiry).</summary>
    /// <value>30 minutes. Between 1 second and 365 days.</value>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets whether reading a session pushes its expiry back by <see cref="Ttl"/>.</summary>
    /// <value><see langword="true"/>.</value>
    public bool SlidingExpiration { get; set; } = true;

    /// <summary>
    /// Gets or sets the source-generated JSON metadata used by stores that serialize sessions (Redis).
    /// When not set, reflection-based serialization with web defaults is used.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public JsonTypeInfo<T>? JsonTypeInfo { get; set; }
}
