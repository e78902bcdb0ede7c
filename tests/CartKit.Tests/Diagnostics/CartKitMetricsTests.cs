using System.Diagnostics.Metrics;
using CartKit.Diagnostics;
using CartKit.Testing;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Tests.Diagnostics;

public sealed class CartKitMetricsTests
{
    [Fact]
    public async Task SessionRestores_AreCounted_EvenWithoutRedis()
    {
        using var metrics = new MetricsRecorder();
        await using var kit = CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.Services.AddSingleton<IMeterFactory>(metrics);
        });
        var session = await kit.NewSessionAsync();
        await kit.Carts.AddItemAsync(session, "MUG", 1);

        await kit.Sessions.RemoveAsync(session);
        ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        ResultAssert.Success(await kit.Carts.GetCartAsync(session));

        Assert.Equal(1, metrics.Sum(CartKitMetrics.SessionRestores));
    }

    [Fact]
    public void WithoutAMeterFactory_TheSharedMeterIsUsed()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]);
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<CartKitMetrics>());
    }
}
