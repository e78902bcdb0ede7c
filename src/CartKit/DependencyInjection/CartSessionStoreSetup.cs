using CartKit.Sessions;
using Microsoft.Extensions.Options;

namespace CartKit.DependencyInjection;

// The cart session store takes its TTL from CartKitOptions.SessionTtl, the one setting that also drives session
// restore and abandonment. Registered by AddCartKit, so it runs before any host Configure: a host may still choose
// the prefix, and a host that sets a different TTL here is told so at start (CartSessionStoreValidator).
internal sealed class CartSessionStoreSetup(IOptions<CartKitOptions> cartKit) : IConfigureOptions<SessionStoreOptions<CartSession>>
{
    public const string DefaultPrefix = "cartkit:s:";

    public void Configure(SessionStoreOptions<CartSession> options)
    {
        if (string.IsNullOrEmpty(options.Prefix))
        {
            options.Prefix = DefaultPrefix;
        }

        if (CartKitOptionsOrNull() is { } cartKitOptions)
        {
            options.Ttl = cartKitOptions.SessionTtl;
        }

        options.SlidingExpiration = true;
        options.JsonTypeInfo ??= CartSessionJsonContext.Default.CartSession;
    }

    // Invalid CartKitOptions are reported once, by their own validation, not again by every options type reading them.
    internal CartKitOptions? CartKitOptionsOrNull()
    {
        try
        {
            return cartKit.Value;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}

internal sealed class CartSessionStoreValidator(CartSessionStoreSetup setup) : IValidateOptions<SessionStoreOptions<CartSession>>
{
    public ValidateOptionsResult Validate(string? name, SessionStoreOptions<CartSession> options)
    {
        if (setup.CartKitOptionsOrNull() is not { } cartKit)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (options.Ttl != cartKit.SessionTtl)
        {
            failures.Add($"The cart session TTL is set by AddCartKit(o => o.SessionTtl = ...), which also drives session restore and abandonment; SessionStoreOptions<CartSession>.Ttl was set to {options.Ttl} but SessionTtl is {cartKit.SessionTtl}.");
        }

        if (!options.SlidingExpiration)
        {
            failures.Add("Cart sessions always use sliding expiry; SessionStoreOptions<CartSession>.SlidingExpiration cannot be turned off.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
