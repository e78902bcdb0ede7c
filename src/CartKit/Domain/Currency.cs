using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CartKit.Domain;

/// <summary>
/// An ISO 4217 currency and the number of digits of its minor unit (USD 2, JPY 0, BHD 3).
/// </summary>
/// <remarks>
/// Instances come only from the ISO 4217 table, so two currencies with the same code are the same
/// instance and lookups allocate nothing. Amounts are always carried in the minor unit; see <see cref="Money"/>.
/// </remarks>
public sealed partial class Currency : IEquatable<Currency>
{
    private static readonly FrozenDictionary<int, Currency> ByPackedCode = BuildTable();

    private Currency(string code, int minorUnitDigits)
    {
        Code = code;
        MinorUnitDigits = minorUnitDigits;
        MinorUnitsPerMajorUnit = Pow10(minorUnitDigits);
    }

    /// <summary>Gets the three-letter ISO 4217 code, in upper case.</summary>
    public string Code { get; }

    /// <summary>Gets the number of decimal digits of the minor unit (2 for cents, 0 for yen, 3 for fils).</summary>
    public int MinorUnitDigits { get; }

    /// <summary>Gets how many minor units make one major unit (100 for USD, 1 for JPY, 1000 for BHD).</summary>
    public long MinorUnitsPerMajorUnit { get; }

    /// <summary>Gets the US dollar.</summary>
    public static Currency USD { get; } = FromCode("USD");

    /// <summary>Gets the euro.</summary>
    public static Currency EUR { get; } = FromCode("EUR");

    /// <summary>Gets the pound sterling.</summary>
    public static Currency GBP { get; } = FromCode("GBP");

    /// <summary>Gets the Japanese yen, which has no minor unit.</summary>
    public static Currency JPY { get; } = FromCode("JPY");

    /// <summary>Gets the Bahraini dinar, whose minor unit has three digits.</summary>
    public static Currency BHD { get; } = FromCode("BHD");

    /// <summary>Gets the currency with the given ISO 4217 code.</summary>
    /// <param name="code">A three-letter code such as <c>USD</c>; case-sensitive, upper case.</param>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 currency.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not an ISO 4217 currency code.", nameof(code));
    }

    /// <summary>Looks up a currency by its ISO 4217 code without throwing.</summary>
    /// <param name="code">A three-letter upper-case code.</param>
    /// <param name="currency">The currency when found.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a known code.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code.Length == 3
            && code[0] is >= 'A' and <= 'Z' && code[1] is >= 'A' and <= 'Z' && code[2] is >= 'A' and <= 'Z'
            && ByPackedCode.TryGetValue(Pack(code[0], code[1], code[2]), out currency);
    }

    /// <summary>Looks up a currency by its ISO 4217 code given as UTF-8 bytes, without allocating.</summary>
    /// <param name="utf8Code">Three upper-case ASCII letters.</param>
    /// <param name="currency">The currency when found.</param>
    /// <returns><see langword="true"/> when <paramref name="utf8Code"/> is a known code.</returns>
    public static bool TryFromUtf8(ReadOnlySpan<byte> utf8Code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return utf8Code.Length == 3
            && utf8Code[0] is >= (byte)'A' and <= (byte)'Z' && utf8Code[1] is >= (byte)'A' and <= (byte)'Z'
            && utf8Code[2] is >= (byte)'A' and <= (byte)'Z'
            && ByPackedCode.TryGetValue(Pack((char)utf8Code[0], (char)utf8Code[1], (char)utf8Code[2]), out currency);
    }

    /// <inheritdoc />
    public bool Equals(Currency? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc />
    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    /// <summary>Returns the ISO 4217 code.</summary>
    public override string ToString() => Code;

    private static int Pack(char a, char b, char c) => (a << 16) | (b << 8) | c;

    private static long Pow10(int digits)
    {
        long result = 1;
        for (var i = 0; i < digits; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static FrozenDictionary<int, Currency> BuildTable()
    {
        var table = new Dictionary<int, Currency>();
        foreach (var (code, digits) in Iso4217())
        {
            table.Add(Pack(code[0], code[1], code[2]), new Currency(code, digits));
        }

        return table.ToFrozenDictionary();
    }
}
