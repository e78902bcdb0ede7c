namespace CartKit.CustomStore.Tests.DocumentStore;

/// <summary>A stored adjustment; the amount in the currency's minor unit.</summary>
public sealed record AdjustmentDocument(string Name, long Amount);
