using CartKit.Domain;

namespace CartKit.Storage;

/// <summary>The outcome of inserting an order.</summary>
/// <param name="Inserted"><see langword="true"/> when the given order was stored; <see langword="false"/> when another order for the same cart version already was.</param>
/// <param name="Order">The order stored for that cart version.</param>
public readonly record struct OrderInsertResult(bool Inserted, Order Order);
