using CartKit.Redis.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CartKit.Redis.DependencyInjection;

// Runs at start (ValidateOnStart): a host without any Redis to talk to, or with nonsense timings, fails before it
// serves a request, with every problem listed.
internal sealed class RedisCartKitOptionsValidator(IServiceProviderIsService services, IServiceProvider provider)
    : IValidateOptions<RedisCartKitOptions>
{
    public const string NoRedisConfigured =
        "No Redis configured: register an IConnectionMultiplexer, set Configuration, or ConnectionStrings:Redis (for example AddCartKit().UseRedis(o => o.Configuration = \"localhost:6379\")).";

    private const int MaxPrefixLength = 64;

    public ValidateOptionsResult Validate(string? name, RedisCartKitOptions options)
    {
        var failures = new List<string>();
        if (options.ServiceKey is { } key)
        {
            if (provider.GetService<IServiceProviderIsKeyedService>()?.IsKeyedService(typeof(IConnectionMultiplexer), key) != true)
            {
                failures.Add($"RedisCartKitOptions.ServiceKey is '{key}', but no IConnectionMultiplexer is registered under that key (for example builder.AddKeyedRedisClient(\"{key}\")).");
            }
        }
        else if (options.ConnectionMultiplexerFactory is null
            && !services.IsService(typeof(IConnectionMultiplexer))
            && string.IsNullOrWhiteSpace(options.Configuration)
            && string.IsNullOrWhiteSpace(provider.GetService<IConfiguration>()?.GetConnectionString(RedisConnection.ConnectionStringName)))
        {
            failures.Add(NoRedisConfigured);
        }

        if (string.IsNullOrEmpty(options.KeyPrefix) || options.KeyPrefix.Length > MaxPrefixLength || !options.KeyPrefix.All(IsPrefixChar))
        {
            // Braces would change Redis Cluster hash slots; glob characters would turn keys into patterns.
            failures.Add($"RedisCartKitOptions.KeyPrefix '{options.KeyPrefix}' must be 1 to {MaxPrefixLength} letters, digits, ':', '-', '_' or '.'.");
        }

        Range(failures, nameof(options.CartCacheTtl), options.CartCacheTtl, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range(failures, nameof(options.OrderCacheTtl), options.OrderCacheTtl, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        Range(failures, nameof(options.OperationTimeout), options.OperationTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30));
        Range(failures, nameof(options.FailureBackoff), options.FailureBackoff, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        Range(failures, nameof(options.CheckoutLockDuration), options.CheckoutLockDuration, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"RedisCartKitOptions.{name} must be between {min} and {max} (was {value}).");
        }
    }

    private static bool IsPrefixChar(char c) => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.';
}
