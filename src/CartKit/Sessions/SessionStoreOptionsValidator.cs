using Microsoft.Extensions.Options;

namespace CartKit.Sessions;

internal sealed class SessionStoreOptionsValidator<T> : IValidateOptions<SessionStoreOptions<T>>
    where T : class
{
    private const int MaxPrefixLength = 64;

    public ValidateOptionsResult Validate(string? name, SessionStoreOptions<T> options)
    {
        var failures = new List<string>();
        var type = typeof(T).Name;
        if (string.IsNullOrEmpty(options.Prefix))
        {
            failures.Add($"SessionStoreOptions<{type}>.Prefix is required, so session types sharing a store cannot collide (for example \"{type.ToLowerInvariant()}:s:\").");
        }
        else if (options.Prefix.Length > MaxPrefixLength || !options.Prefix.All(IsPrefixChar))
        {
            // Braces would change Redis cluster hash slots; glob characters would turn keys into patterns.
            failures.Add($"SessionStoreOptions<{type}>.Prefix '{options.Prefix}' must be at most {MaxPrefixLength} letters, digits, ':', '-', '_' or '.'.");
        }

        if (options.Ttl < TimeSpan.FromSeconds(1) || options.Ttl > TimeSpan.FromDays(365))
        {
            failures.Add($"SessionStoreOptions<{type}>.Ttl must be between 1 second and 365 days (was {options.Ttl}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPrefixChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.';
}
