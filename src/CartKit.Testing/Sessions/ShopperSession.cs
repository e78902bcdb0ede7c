namespace CartKit.Testing.Sessions;

/// <summary>A session value <see cref="SessionStoreContractTests"/> stores; a store must round-trip it through its serializer.</summary>
/// <param name="CartId">A cart id.</param>
/// <param name="Note">An optional note, to check that <see langword="null"/> round-trips.</param>
public sealed record ShopperSession(string CartId, string? Note = null);
