namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>
/// Stands in for the database server of a third-party store: three collections of JSON documents in process memory.
/// Registered as a singleton; the stores take it from the container.
/// </summary>
public sealed class DocumentDatabase
{
    /// <summary>Gets the carts, one <see cref="CartDocument"/> each.</summary>
    public DocumentSet Carts { get; } = new();

    /// <summary>Gets the orders, one <see cref="OrderDocument"/> each.</summary>
    public DocumentSet Orders { get; } = new();

    /// <summary>Gets the checkout idempotency keys, one <see cref="IdempotencyKeyDocument"/> each.</summary>
    public DocumentSet IdempotencyKeys { get; } = new();
}
