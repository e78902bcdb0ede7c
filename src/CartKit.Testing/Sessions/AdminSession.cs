namespace CartKit.Testing.Sessions;

/// <summary>A second session type, which <see cref="SessionStoreContractTests"/> keeps apart from <see cref="ShopperSession"/> by prefix.</summary>
/// <param name="Operator">The operator's name.</param>
public sealed record AdminSession(string Operator);
