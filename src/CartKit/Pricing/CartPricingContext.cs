using CartKit.Domain;

namespace CartKit.Pricing;

/// <summary>
/// What an <see cref="ICartAdjustment"/> sees and adds to: the lines, the subtotal and the running total, the customer
/// and the checkout details; and what it answers about them: which discount codes and whether the shipping method it
/// knows (<see cref="AcceptDiscountCode"/>, <see cref="AcceptShippingMethod"/>).
/// </summary>
/// <remarks>
/// A discount code or shipping method no adjustment accepts is not kept: the update that sets it is refused
/// (<see cref="CartKitErrorCode.DiscountCodeRefused"/>, <see cref="CartKitErrorCode.ShippingMethodRefused"/>), and one
/// that stops being accepted when the cart is priced again (its lines or details changed) is removed from the cart by
/// that change. An adjustment that applies a code accepts it whenever the cart qualifies, even when the amount it adds
/// happens to be zero.
/// </remarks>
public sealed class CartPricingContext
{
    private readonly List<AdjustmentLine> _adjustments = [];
    private readonly CheckoutDetails _details;
    private List<string>? _acceptedCodes;

    /// <summary>Creates a context for pricing <paramref name="lines"/> without checkout details; hosts use it to unit-test their adjustments.</summary>
    /// <param name="currency">The currency of the lines.</param>
    /// <param name="lines">The lines to price.</param>
    public CartPricingContext(Currency currency, IReadOnlyList<LineItem> lines)
        : this(currency, lines, CheckoutDetails.None, userId: null)
    {
    }

    /// <summary>Creates a context for pricing <paramref name="lines"/> with the cart's checkout details and customer; hosts use it to unit-test their adjustments.</summary>
    /// <param name="currency">The currency of the lines.</param>
    /// <param name="lines">The lines to price.</param>
    /// <param name="details">The cart's checkout details.</param>
    /// <param name="userId">The signed-in user the cart belongs to, or <see langword="null"/> for a guest.</param>
    public CartPricingContext(Currency currency, IReadOnlyList<LineItem> lines, CheckoutDetails details, string? userId)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(details);
        Currency = currency;
        Lines = lines;
        _details = details;
        UserId = userId;
        Subtotal = Totals.Subtotal(lines, currency);
        RunningTotal = Subtotal;
    }

    /// <summary>Gets the currency every amount must be in.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the lines being priced.</summary>
    public IReadOnlyList<LineItem> Lines { get; }

    /// <summary>Gets the sum of the line totals.</summary>
    public Money Subtotal { get; }

    /// <summary>Gets the subtotal plus every adjustment added so far.</summary>
    public Money RunningTotal { get; private set; }

    /// <summary>Gets the adjustments added so far, in order.</summary>
    public IReadOnlyList<AdjustmentLine> Adjustments => _adjustments;

    /// <summary>Gets the signed-in user the cart belongs to, or <see langword="null"/> for a guest cart.</summary>
    public string? UserId { get; }

    /// <summary>Gets the customer's email address from the checkout details, if given.</summary>
    public string? Email => _details.Email;

    /// <summary>Gets the address to ship to, if given (the place of supply for tax, the destination for shipping).</summary>
    public PostalAddress? ShippingAddress => _details.ShippingAddress;

    /// <summary>Gets the address to bill, if given.</summary>
    public PostalAddress? BillingAddress => _details.BillingAddress;

    /// <summary>Gets the shipping method the shopper chose, if any; an adjustment that prices it calls <see cref="AcceptShippingMethod"/>.</summary>
    public string? ShippingMethod => _details.ShippingMethod;

    /// <summary>Gets the discount codes the shopper entered (upper case); an adjustment that applies one calls <see cref="AcceptDiscountCode"/>.</summary>
    public IReadOnlyList<string> DiscountCodes => _details.DiscountCodes;

    /// <summary>Gets the discount codes accepted so far.</summary>
    public IReadOnlyList<string> AcceptedDiscountCodes => _acceptedCodes ?? (IReadOnlyList<string>)[];

    /// <summary>Gets a value indicating whether an adjustment accepted the <see cref="ShippingMethod"/>.</summary>
    public bool IsShippingMethodAccepted { get; private set; }

    /// <summary>Adds an adjustment line.</summary>
    /// <param name="name">What the adjustment is, as shown to the shopper.</param>
    /// <param name="amount">The signed amount in <see cref="Currency"/>'s minor unit (negative for a discount).</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    /// <exception cref="InvalidOperationException">The adjustment would make the total negative.</exception>
    public void Add(string name, long amount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var total = RunningTotal + new Money(amount, Currency);
        if (total.Amount < 0)
        {
            throw new InvalidOperationException(
                $"Adjustment '{name}' of {new Money(amount, Currency)} would make the total negative.");
        }

        _adjustments.Add(new AdjustmentLine(name, new Money(amount, Currency)));
        RunningTotal = total;
    }

    /// <summary>
    /// Marks one of <see cref="DiscountCodes"/> as known and applying to this cart, so it is kept. Accepting a code twice
    /// (or from two adjustments) is the same as once.
    /// </summary>
    /// <param name="code">The code, as in <see cref="DiscountCodes"/> (compared ignoring case).</param>
    /// <exception cref="ArgumentException">The cart has no such code: accepting a code the shopper did not enter is a bug.</exception>
    public void AcceptDiscountCode(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var entered = Find(_details.DiscountCodes, code)
            ?? throw new ArgumentException($"The cart has no discount code '{code}' to accept.", nameof(code));
        _acceptedCodes ??= [];
        if (Find(_acceptedCodes, entered) is null)
        {
            _acceptedCodes.Add(entered);
        }
    }

    /// <summary>Marks the <see cref="ShippingMethod"/> as known and available for this cart, so it is kept.</summary>
    /// <exception cref="InvalidOperationException">No shipping method was chosen.</exception>
    public void AcceptShippingMethod()
    {
        if (_details.ShippingMethod is null)
        {
            throw new InvalidOperationException("The cart has no shipping method to accept.");
        }

        IsShippingMethodAccepted = true;
    }

    internal AdjustmentLine[] ToArray() => [.. _adjustments];

    // The details as they are kept after this pricing: only accepted codes (in the shopper's order), and the shipping
    // method only if accepted. The same instance when everything was accepted.
    internal CheckoutDetails AcceptedDetails()
    {
        var codes = _details.DiscountCodes;
        var keptCodes = codes.Count == AcceptedDiscountCodes.Count ? codes : [.. codes.Where(c => Find(AcceptedDiscountCodes, c) is not null)];
        var keepMethod = _details.ShippingMethod is null || IsShippingMethodAccepted;
        return ReferenceEquals(keptCodes, codes) && keepMethod
            ? _details
            : _details with { DiscountCodes = keptCodes, ShippingMethod = keepMethod ? _details.ShippingMethod : null };
    }

    private static string? Find(IReadOnlyList<string> codes, string code)
    {
        foreach (var candidate in codes)
        {
            if (string.Equals(candidate, code, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }
}
