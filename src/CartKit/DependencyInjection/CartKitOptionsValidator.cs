using CartKit.Catalog;
using CartKit.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartKit.DependencyInjection;

// Runs at start (ValidateOnStart), so a misconfigured host fails before serving a request, with every problem listed.
internal sealed class CartKitOptionsValidator(IServiceProviderIsService services) : IValidateOptions<CartKitOptions>
{
    public ValidateOptionsResult Validate(string? name, CartKitOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(options.SessionTtl), options.SessionTtl, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        Range(failures, nameof(options.SessionRecheckInterval), options.SessionRecheckInterval, TimeSpan.Zero, options.SessionTtl / 10);
        Range(failures, nameof(options.MaxQuantityPerLine), options.MaxQuantityPerLine, 1, 1_000_000);
        Range(failures, nameof(options.MaxLinesPerCart), options.MaxLinesPerCart, 1, 1_000);
        Range(failures, nameof(options.MaxWriteAttempts), options.MaxWriteAttempts, 1, 100);
        Range(failures, nameof(options.PendingOrderTtl), options.PendingOrderTtl, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30));
        Range(failures, nameof(options.OrderExpiryScanInterval), options.OrderExpiryScanInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Range(failures, nameof(options.IdempotencyKeyLifetime), options.IdempotencyKeyLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        Range(failures, nameof(options.IdempotencyKeyLease), options.IdempotencyKeyLease, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Range(failures, "Reuse.CartCapacity", options.Reuse.CartCapacity, 16, 1_048_576);
        Range(failures, "Reuse.SessionCapacity", options.Reuse.SessionCapacity, 16, 4_194_304);
        Range(failures, "Reuse.StringSlots", options.Reuse.StringSlots, 16, 1_048_576);
        var events = options.Events;
        Range(failures, "Events.PollInterval", events.PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        Range(failures, "Events.BatchSize", events.BatchSize, 1, 1_000);
        Range(failures, "Events.MaxConcurrency", events.MaxConcurrency, 1, 64);
        Range(failures, "Events.Lease", events.Lease, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Range(failures, "Events.MaxAttempts", events.MaxAttempts, 1, 100);
        Range(failures, "Events.RetryDelay", events.RetryDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        Range(failures, "Events.MaxRetryDelay", events.MaxRetryDelay, events.RetryDelay, TimeSpan.FromDays(1));
        if (!int.IsPow2(options.Reuse.StringSlots))
        {
            failures.Add($"CartKitOptions.Reuse.StringSlots must be a power of two (was {options.Reuse.StringSlots}).");
        }

        if (!Enum.IsDefined(options.MergeStrategy))
        {
            failures.Add($"CartKitOptions.MergeStrategy must be Sum, KeepUser or KeepGuest (was {options.MergeStrategy}).");
        }

        if (!Currency.TryFromCode(options.DefaultCurrency, out _))
        {
            failures.Add($"CartKitOptions.DefaultCurrency '{options.DefaultCurrency}' is not an ISO 4217 currency code (for example USD, EUR, JPY).");
        }

        if (!services.IsService(typeof(IProductCatalog)))
        {
            failures.Add("No IProductCatalog is registered. Call AddCartKit().UseInMemoryCatalog(products) or AddCartKit().AddProductCatalog<TCatalog>().");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range<T>(List<string> failures, string name, T value, T min, T max)
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            failures.Add($"CartKitOptions.{name} must be between {min} and {max} (was {value}).");
        }
    }
}
