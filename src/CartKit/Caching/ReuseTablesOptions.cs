namespace CartKit.Caching;

/// <summary>
/// Options of <see cref="ReuseTables"/>, the process-wide tables that let a cache-hit read of an unchanged cart skip
/// decoding and serializing it again: <c>AddCartKit(o =&gt; o.Reuse.Enabled = false)</c>, or the
/// <c>CartKit:Reuse</c> configuration section.
/// </summary>
public sealed class ReuseTablesOptions
{
    /// <summary>
    /// Gets or sets whether the tables keep anything. Off, every read asks the session store, decodes its cache entry
    /// and serializes its response again, and no memory is held; answers are the same either way, apart from what
    /// <see cref="CartKitOptions.SessionRecheckInterval"/> describes.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets how many entries a table keyed by cart id (decoded cache entries, rendered responses) holds before
    /// it starts over empty.
    /// </summary>
    /// <value>4,096. Between 16 and 1,048,576.</value>
    public int CartCapacity { get; set; } = 4_096;

    /// <summary>
    /// Gets or sets how many entries a table keyed by session id (the session the store last returned for each id, which
    /// lets a read send the session lookup and the cart read together, or skip the lookup within
    /// <see cref="CartKitOptions.SessionRecheckInterval"/>) holds before it starts over empty.
    /// </summary>
    /// <value>65,536. Between 16 and 4,194,304.</value>
    public int SessionCapacity { get; set; } = 65_536;

    /// <summary>
    /// Gets or sets the number of slots of the table of recent strings (skus, product and adjustment names) that
    /// decoding reuses instead of allocating each again. A power of two.
    /// </summary>
    /// <value>4,096. Between 16 and 1,048,576.</value>
    public int StringSlots { get; set; } = 4_096;
}
