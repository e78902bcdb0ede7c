using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.Catalog;
using CartKit.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartKit.AspNetCore.Tests.Sample;

[Collection(TimingGroup.Name)]
public sealed class RateLimitingTests(RateLimitingTests.Host host) : IClassFixture<RateLimitingTests.Host>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task ABurstBeyondTheLimit_Gets429WithRetryAfter_WhileNormalTrafficAndProbesPass()
    {
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _client.GetAsync("/api/products")));

        var rejected = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(rejected.Count, 10, 15);
        Assert.All(rejected, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        await ProblemAssert.IsAsync(rejected[0], HttpStatusCode.TooManyRequests, "urn:cartkit-sample:problem:rate-limited");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);

        // Traffic at the allowed rate (5 per second) after the bucket refills is never refused.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        for (var i = 0; i < 6; i++)
        {
            using var response = await _client.GetAsync("/api/products");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    public sealed class Host : SampleApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Sample:RateLimit:PermitsPerSecond"] = "5",
            ["Sample:RateLimit:Burst"] = "5",
        };
    }
}

[Collection(TimingGroup.Name)]
public sealed class RequestTimeoutTests(RequestTimeoutTests.Host host) : IClassFixture<RequestTimeoutTests.Host>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task ARequestThatRunsPastItsTimeout_Is504_AndWritesNothing()
    {
        var (sessionId, _) = await _client.CreateCartAsync();

        host.Catalog.Hang = true;
        var started = TimeProvider.System.GetTimestamp();
        using var response = await _client.AddItemAsync(sessionId, "MUG-CARTKIT");
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        host.Catalog.Hang = false;

        await ProblemAssert.IsAsync(response, HttpStatusCode.GatewayTimeout, "urn:cartkit-sample:problem:timeout");
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
        Assert.Equal(1, (await _client.GetCartAsync(sessionId)).GetProperty("version").GetInt64());
    }

    public sealed class Host : SampleApiFactory
    {
        public HangingCatalog Catalog { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sample:Limits:RequestTimeout", "00:00:00.500");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IProductCatalog>();
                services.AddSingleton<IProductCatalog>(Catalog);
            });
        }
    }

    public sealed class HangingCatalog : IProductCatalog
    {
        public bool Hang { get; set; }

        public async ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default)
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new CatalogProduct(sku, "Mug", new Money(1250, Currency.USD));
        }
    }
}
