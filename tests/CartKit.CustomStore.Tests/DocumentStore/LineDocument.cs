namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>A stored cart or order line; prices in the currency's minor unit.</summary>
public sealed record LineDocument(string ItemId, string Sku, string Name, long UnitPrice, int Quantity);
