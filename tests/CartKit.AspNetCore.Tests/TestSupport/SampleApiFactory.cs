using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// Hosts the real sample API in memory. The payment secret is set, and a request carrying <c>X-Test-User</c> is
/// treated as signed in as that user (the way a host's authentication would set HttpContext.User).
/// </summary>
public class SampleApiFactory : WebApplicationFactory<Program>
{
    public const string PaymentSecret = "test-payment-secret";
    public const string AdminKey = "test-admin-key";
    public const string TestUserHeader = "X-Test-User";

    /// <summary>Extra configuration for derived hosts (for example a Redis connection string).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Sample:PaymentApiKey", PaymentSecret);
        builder.UseSetting("Sample:AdminApiKey", AdminKey);

        // The endpoint suites send thousands of requests from one client; rate limiting has its own tests.
        builder.UseSetting("Sample:RateLimit:PermitsPerSecond", "0");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestUserStartupFilter>());
    }

    private sealed class TestUserStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[TestUserHeader] is [{ Length: > 0 } user])
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], "Test"));
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The sample API with a payment route that has no secret configured.</summary>
public sealed class SampleApiWithoutPaymentSecretFactory : SampleApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sample:PaymentApiKey"] = string.Empty };
}

/// <summary>The sample with pending orders that expire after one second, to watch them expire.</summary>
public sealed class ShortOrderTtlSampleApiFactory : SampleApiFactory
{
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["CartKit:PendingOrderTtl"] = "00:00:01" };
}

/// <summary>The sample with no admin key configured: the product admin route is not mapped.</summary>
public sealed class SampleApiWithoutAdminKeyFactory : SampleApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sample:AdminApiKey"] = string.Empty };
}

/// <summary>
/// The sample with five mugs in stock, pending orders that expire after two seconds and an expiry sweep every second,
/// to watch the last units go to exactly five orders and come back.
/// </summary>
public sealed class ScarceStockSampleApiFactory : SampleApiFactory
{
    public const string Sku = "MUG-CARTKIT";
    public const int Units = 5;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Sample:Stock:{Sku}"] = Units.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CartKit:PendingOrderTtl"] = "00:00:02",
        ["CartKit:OrderExpiryScanInterval"] = "00:00:01",
    };
}
