using System.Globalization;

namespace CartKit.Domain;

/// <summary>
/// An exact amount of money: an integer count of the currency's minor unit (cents for USD, yen for JPY,
/// fils for BHD), as payment APIs carry it. There is no floating point anywhere in CartKit's arithmetic.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The amount in the currency's minor unit; may be negative (a discount).</param>
    /// <param name="currency">The currency.</param>
    public Money(long amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        Amount = amount;
        Currency = currency;
    }

    /// <summary>Gets the amount in the currency's minor unit.</summary>
    public long Amount { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero amount.</returns>
    public static Money Zero(Currency currency) => new(0, currency);

    /// <summary>
    /// Converts an amount written in major units (for example <c>12.34m</c> dollars) exactly.
    /// </summary>
    /// <param name="majorAmount">The amount in major units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The same amount in minor units.</returns>
    /// <exception cref="ArgumentException">The amount has more decimals than the currency's minor unit.</exception>
    public static Money FromMajorUnits(decimal majorAmount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var minor = majorAmount * currency.MinorUnitsPerMajorUnit;
        if (minor != decimal.Truncate(minor))
        {
            throw new ArgumentException(
                $"{majorAmount.ToString(CultureInfo.InvariantCulture)} has more decimals than {currency.Code} allows ({currency.MinorUnitDigits}).",
                nameof(majorAmount));
        }

        return new Money(decimal.ToInt64(minor), currency);
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum does not fit in 64 bits.</exception>
    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.Amount + right.Amount), left.Currency);
    }

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference does not fit in 64 bits.</exception>
    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.Amount - right.Amount), left.Currency);
    }

    /// <summary>Multiplies an amount by a quantity.</summary>
    /// <exception cref="OverflowException">The product does not fit in 64 bits.</exception>
    public static Money operator *(Money money, int quantity) => new(checked(money.Amount * quantity), money.Currency);

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    public Money Add(Money other) => this + other;

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    public Money Subtract(Money other) => this - other;

    /// <summary>Multiplies the amount by a quantity.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The product.</returns>
    public Money Multiply(int quantity) => this * quantity;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Formats the amount in major units with the currency code, for example <c>12.34 USD</c> or <c>1.005 BHD</c>.</summary>
    public override string ToString()
    {
        if (Currency is null)
        {
            return "0";
        }

        var digits = Currency.MinorUnitDigits;
        var negative = Amount < 0;
        var magnitude = negative ? -(decimal)Amount : Amount;
        var unit = Currency.MinorUnitsPerMajorUnit;
        var major = decimal.Truncate(magnitude / unit);
        var minor = magnitude - (major * unit);
        var text = digits == 0
            ? major.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{major}.{minor.ToString(new string('0', digits), CultureInfo.InvariantCulture)}");
        return $"{(negative ? "-" : string.Empty)}{text} {Currency.Code}";
    }

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (!ReferenceEquals(left.Currency, right.Currency))
        {
            throw new InvalidOperationException(
                $"Cannot combine {left.Currency?.Code ?? "no currency"} with {right.Currency?.Code ?? "no currency"}.");
        }
    }
}
