namespace CartKit.AspNetCore;

/// <summary>The base of the stable <c>type</c> URIs CartKit puts in its problem details responses.</summary>
public static class CartKitProblemTypes
{
    /// <summary>The prefix every CartKit problem type starts with.</summary>
    public const string BaseUri = "https://cartkit.dev/problems/";
}
