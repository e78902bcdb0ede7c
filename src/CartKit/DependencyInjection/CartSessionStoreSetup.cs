using CartKit.Sessions;
using Microsoft.Extensions.Options;

namespace CartKit.DependencyInjection;

// The cart session store takes its TTL from CartKitOptions.SessionTtl, the one setting that also drives session
// restore and abandonment, so the three can never disagree (hence post-configure: it wins over any Configure).
// Hosts can still choose the prefix.
internal sealed class CartSessionStoreSetup(IOptions<CartKitOptions> cartKit) : IPostConfigureOptions<SessionStoreOptions<CartSession>>
{
    public const string DefaultPrefix = "cartkit:s:";

    public void PostConfigure(string? name, SessionStoreOptions<CartSession> options)
    {
        if (string.IsNullOrEmpty(options.Prefix))
        {
            options.Prefix = DefaultPrefix;
        }

        options.Ttl = cartKit.Value.SessionTtl;
        options.SlidingExpiration = true;
    }
}
