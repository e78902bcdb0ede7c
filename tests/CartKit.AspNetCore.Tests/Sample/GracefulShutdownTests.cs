using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.Catalog;
using CartKit.Domain;
using CartKit.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>On a real Kestrel server: stopping the host lets in-flight requests finish, and their writes land whole.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stopping_LetsAnInFlightRequestFinish_AndItsWriteLands()
    {
        var catalog = new GatedCatalog();
        await using var factory = new Host(catalog);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        var (sessionId, created) = await client.CreateCartAsync();
        var carts = factory.Services.GetRequiredService<ICartRepository>();

        var inFlight = client.AddItemAsync(sessionId, "MUG-CARTKIT");
        await catalog.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stopping = factory.Services.GetRequiredService<IHost>().StopAsync();
        await Task.Delay(200);
        catalog.Release.SetResult();

        using var response = await inFlight;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await carts.GetAsync(created.GetProperty("cartId").GetString()!);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("MUG-CARTKIT", Assert.Single(stored.Lines).Sku);
    }

    private sealed class Host(GatedCatalog catalog) : SampleApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IProductCatalog>();
                services.AddSingleton<IProductCatalog>(catalog);
            });
        }
    }

    private sealed class GatedCatalog : IProductCatalog
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task;
            return new CatalogProduct(sku, "Mug", new Money(1250, Currency.USD));
        }
    }
}
