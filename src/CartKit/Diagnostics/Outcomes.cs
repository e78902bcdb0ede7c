using System.Text;

namespace CartKit.Diagnostics;

// The outcome tag of an operation: "ok", "fault", or the error code in snake_case. A fixed, small set of values, so it
// is safe as a metric tag.
internal static class Outcomes
{
    public const string Ok = "ok";
    public const string Fault = "fault";

    private static readonly string[] CodeNames = [.. Enum.GetValues<CartKitErrorCode>().OrderBy(c => (int)c).Select(c => SnakeCase(c.ToString()))];

    public static string Of(CartKitErrorCode code) => (int)code < CodeNames.Length ? CodeNames[(int)code] : code.ToString();

    public static string Of<T>(CartKitResult<T> result)
        where T : notnull => result.Succeeded ? Ok : Of(result.Error.Code);

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
