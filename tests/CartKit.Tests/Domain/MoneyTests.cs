using CartKit.Domain;

namespace CartKit.Tests.Domain;

public class MoneyTests
{
    [Theory]
    [InlineData("USD", 2, 100)]
    [InlineData("JPY", 0, 1)]
    [InlineData("BHD", 3, 1000)]
    [InlineData("CLF", 4, 10000)]
    public void Currency_KnowsItsIsoMinorUnitDigits(string code, int digits, long perMajor)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(digits, currency.MinorUnitDigits);
        Assert.Equal(perMajor, currency.MinorUnitsPerMajorUnit);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("XXX")]
    [InlineData("US")]
    [InlineData("USDD")]
    [InlineData("")]
    public void Currency_RefusesCodesThatAreNotActiveIso4217(string code)
    {
        Assert.False(Currency.TryFromCode(code, out _));
        Assert.Throws<ArgumentException>(() => Currency.FromCode(code));
    }

    [Fact]
    public void Currency_LookupFromUtf8_ReturnsTheSameInstance()
    {
        Assert.True(Currency.TryFromUtf8("JPY"u8, out var yen));
        Assert.Same(Currency.JPY, yen);
        Assert.False(Currency.TryFromUtf8("jpy"u8, out _));
    }

    [Theory]
    [InlineData(1234, "USD", "12.34 USD")]
    [InlineData(-5, "USD", "-0.05 USD")]
    [InlineData(1500, "JPY", "1500 JPY")]
    [InlineData(1005, "BHD", "1.005 BHD")]
    [InlineData(7, "BHD", "0.007 BHD")]
    public void ToString_WritesMajorUnitsWithTheCurrencysDigits(long amount, string code, string expected) =>
        Assert.Equal(expected, new Money(amount, Currency.FromCode(code)).ToString());

    [Fact]
    public void FromMajorUnits_ConvertsExactly_AndRefusesMoreDecimalsThanTheCurrencyHas()
    {
        Assert.Equal(new Money(1999, Currency.USD), Money.FromMajorUnits(19.99m, Currency.USD));
        Assert.Equal(new Money(1500, Currency.JPY), Money.FromMajorUnits(1500m, Currency.JPY));
        Assert.Equal(new Money(1234, Currency.BHD), Money.FromMajorUnits(1.234m, Currency.BHD));

        Assert.Throws<ArgumentException>(() => Money.FromMajorUnits(1500.5m, Currency.JPY));
        Assert.Throws<ArgumentException>(() => Money.FromMajorUnits(1.2345m, Currency.BHD));
    }

    [Fact]
    public void Arithmetic_IsExactInMinorUnits()
    {
        // 0.1 + 0.2 in floating point is 0.30000000000000004; in minor units it is 30 cents.
        var sum = Money.FromMajorUnits(0.10m, Currency.USD) + Money.FromMajorUnits(0.20m, Currency.USD);

        Assert.Equal(30, sum.Amount);
        Assert.Equal(new Money(2997, Currency.BHD), new Money(999, Currency.BHD) * 3);
    }

    [Fact]
    public void Arithmetic_RefusesToMixCurrencies()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Money(1, Currency.USD) + new Money(1, Currency.EUR));
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arithmetic_ThrowsOnOverflowInsteadOfWrapping()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue, Currency.USD) + new Money(1, Currency.USD));
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue / 2, Currency.USD) * 3);
    }
}
