using CartKit.Carts;
using CartKit.Checkout;

namespace CartKit.SampleApi.Seeding;

/// <summary>Resets and fills the configured stores with demo data: a cart to try the routes with, and a paid order beside it.</summary>
internal sealed class DemoSeeder(ICartEngine carts, ICheckoutEngine checkout, StoreReset reset)
{
    public async Task<SeedResult> SeedAsync(CancellationToken cancellationToken)
    {
        await reset.ResetAsync(cancellationToken);
        var shopper = await CreateCartAsync([("TSHIRT-BLK-M", 1), ("MUG-CARTKIT", 2), ("STICKER-PACK", 3)], cancellationToken);

        // A second shopper who already bought something, so orders are there to look at too.
        var buyer = await CreateCartAsync([("HOODIE-GRY-L", 1)], cancellationToken);
        var order = Require(await checkout.CheckoutAsync(buyer, cancellationToken: cancellationToken)).Order;
        Require(await checkout.ConfirmPaymentAsync(order.Id, new PaymentConfirmation("demo-payment-1", order.Total), cancellationToken));

        return new SeedResult(shopper, order.Id);
    }

    private async Task<string> CreateCartAsync((string Sku, int Quantity)[] lines, CancellationToken cancellationToken)
    {
        var session = Require(await carts.CreateSessionAsync(cancellationToken: cancellationToken)).SessionId;
        foreach (var (sku, quantity) in lines)
        {
            Require(await carts.AddItemAsync(session, sku, quantity, cancellationToken: cancellationToken));
        }

        return session;
    }

    private static T Require<T>(CartKitResult<T> result)
        where T : notnull =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"Seeding failed: {result.Error.Message}");
}

/// <summary>What the seed command created.</summary>
/// <param name="SessionId">A session whose cart holds three lines.</param>
/// <param name="PaidOrderId">A paid order of another shopper.</param>
internal sealed record SeedResult(string SessionId, string PaidOrderId);
