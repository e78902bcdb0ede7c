using System.Collections.Concurrent;
using CartKit.Domain;
using CartKit.Pricing;

namespace CartKit.Testing.Engines;

// Pricing steps the checkout details suite registers: codes that always apply, apply above a spend or only to signed-in
// users, shipping methods with one that is not available to one country, and a recorder of what pricing saw.
internal sealed class TestDiscountCodes : ICartAdjustment
{
    public const string TenOff = "TENOFF";
    public const string BigSpender = "BIGSPENDER";
    public const string Members = "MEMBERS";

    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        foreach (var code in context.DiscountCodes)
        {
            switch (code)
            {
                case TenOff:
                    context.AcceptDiscountCode(code);
                    context.Add("10% off", -(context.Subtotal.Amount / 10));
                    break;
                case BigSpender when context.Subtotal.Amount >= 5000:
                    context.AcceptDiscountCode(code);
                    context.Add("5.00 off 50.00", -500);
                    break;
                case Members when context.UserId is not null:
                    context.AcceptDiscountCode(code);
                    context.Add("Members 1.00 off", -100);
                    break;
            }
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed class TestShipping : ICartAdjustment
{
    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        switch (context.ShippingMethod)
        {
            case "standard":
                context.AcceptShippingMethod();
                context.Add("Shipping (standard)", 500);
                break;
            case "express" when context.ShippingAddress?.Country != "AQ":
                context.AcceptShippingMethod();
                context.Add("Shipping (express)", 1500);
                break;
        }

        return ValueTask.CompletedTask;
    }
}

// Keeps a copy of what every pricing run saw; one instance per process, registered as an adjustment.
internal sealed class PricingRecorder : ICartAdjustment
{
    public ConcurrentQueue<SeenPricing> Seen { get; } = new();

    public ValueTask ApplyAsync(CartPricingContext context, CancellationToken cancellationToken = default)
    {
        Seen.Enqueue(new SeenPricing(
            context.Currency,
            [.. context.Lines],
            context.UserId,
            context.Email,
            context.ShippingAddress,
            context.BillingAddress,
            context.ShippingMethod,
            [.. context.DiscountCodes]));
        return ValueTask.CompletedTask;
    }
}

internal sealed record SeenPricing(
    Currency Currency,
    IReadOnlyList<LineItem> Lines,
    string? UserId,
    string? Email,
    PostalAddress? ShippingAddress,
    PostalAddress? BillingAddress,
    string? ShippingMethod,
    IReadOnlyList<string> DiscountCodes);
