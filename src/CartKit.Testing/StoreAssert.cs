using CartKit.Domain;

namespace CartKit.Testing;

/// <summary>
/// Assertions that a cart or an order read back from a store (or a cache) is the one written, field by field: what a
/// serializer most easily loses (currency identity, three-digit minor units, time offsets, empty lists, merge links,
/// warnings with and without an item id).
/// checkout details).
/// </summary>
public static class StoreAssert
{
    /// <summary>Asserts that <paramref name="actual"/> has every stored field of <paramref name="expected"/>.</summary>
    /// <param name="expected">The cart written.</param>
    /// <param name="actual">The cart read back.</param>
    public static void SameCart(Cart expected, Cart? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Owner, actual.Owner);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Same(expected.Currency, actual.Currency);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Adjustments, actual.Adjustments);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.LastActivityAt, actual.LastActivityAt);
        Assert.Equal(expected.MergedIntoCartId, actual.MergedIntoCartId);
        Assert.Equal(expected.MergedCartIds, actual.MergedCartIds);
        Assert.Equal(expected.CompletedByOrderId, actual.CompletedByOrderId);
        SameDetails(expected.Details, actual.Details);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Warnings, actual.Warnings);
    }

    /// <summary>Asserts that <paramref name="actual"/> has every stored field of <paramref name="expected"/>.</summary>
    /// <param name="expected">The order written.</param>
    /// <param name="actual">The order read back.</param>
    public static void SameOrder(Order expected, Order? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.CartId, actual.CartId);
        Assert.Equal(expected.CartVersion, actual.CartVersion);
        Assert.Equal(expected.Owner, actual.Owner);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Same(expected.Currency, actual.Currency);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Adjustments, actual.Adjustments);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
        Assert.Equal(expected.PaidAt, actual.PaidAt);
        Assert.Equal(expected.PaymentReference, actual.PaymentReference);
        Assert.Equal(expected.ClosedAt, actual.ClosedAt);
        SameDetails(expected.Details, actual.Details);
        Assert.Equal(expected.Total, actual.Total);
    }

    /// <summary>Asserts that <paramref name="actual"/> has every field of <paramref name="expected"/>, absent ones included.</summary>
    /// <param name="expected">The checkout details written.</param>
    /// <param name="actual">The checkout details read back.</param>
    public static void SameDetails(CheckoutDetails expected, CheckoutDetails? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Email, actual.Email);
        Assert.Equal(expected.ShippingAddress, actual.ShippingAddress);
        Assert.Equal(expected.BillingAddress, actual.BillingAddress);
        Assert.Equal(expected.ShippingMethod, actual.ShippingMethod);
        Assert.Equal(expected.DiscountCodes, actual.DiscountCodes);
        Assert.Equal(expected, actual);
    }
}
