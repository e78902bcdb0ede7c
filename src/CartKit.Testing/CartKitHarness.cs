using CartKit.Carts;
using CartKit.Catalog;
using CartKit.Checkout;
using CartKit.Sessions;
using CartKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CartKit.Testing;

/// <summary>
/// One CartKit "process": a container with the engines, a controllable clock and catalog, and whichever storage the
/// test suite configures. <see cref="StartAnotherInstance"/> builds a second process sharing the same source of truth
/// (but with its own in-process locks), to prove behaviour that must hold across processes.
/// </summary>
public sealed class CartKitHarness : IAsyncDisposable
{
    private readonly Action<ICartKitBuilder> _configureStorage;
    private readonly Action<CartKitOptions>? _configureOptions;

    private CartKitHarness(
        Action<ICartKitBuilder> configureStorage,
        Action<CartKitOptions>? configureOptions,
        FakeTimeProvider time,
        TestCatalog catalog,
        CartKitHarness? sharedWith)
    {
        _configureStorage = configureStorage;
        _configureOptions = configureOptions;
        Time = time;
        Catalog = catalog;

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        var builder = services.AddCartKit(o => configureOptions?.Invoke(o));
        services.AddSingleton<IProductCatalog>(catalog);
        configureStorage(builder);
        if (sharedWith is not null)
        {
            ShareStorage(services, sharedWith.Services);
        }

        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CartKitOptions>>().Value;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public TestCatalog Catalog { get; }

    public ICartEngine Carts => Services.GetRequiredService<ICartEngine>();

    public ICheckoutEngine Checkout => Services.GetRequiredService<ICheckoutEngine>();

    public ICartRepository CartStore => Services.GetRequiredService<ICartRepository>();

    public IOrderRepository OrderStore => Services.GetRequiredService<IOrderRepository>();

    public ISessionStore<CartSession> Sessions => Services.GetRequiredService<ISessionStore<CartSession>>();

    public static CartKitHarness Create(Action<ICartKitBuilder> configureStorage, Action<CartKitOptions>? configureOptions = null) =>
        new(configureStorage, configureOptions, new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)), new TestCatalog(), null);

    /// <summary>A second process: same stores, clock and catalog; its own engines and in-process locks.</summary>
    public CartKitHarness StartAnotherInstance() => new(_configureStorage, _configureOptions, Time, Catalog, this);

    public async Task<string> NewSessionAsync(string? userId = null)
    {
        var created = await Carts.CreateSessionAsync(userId);
        Assert.True(created.Succeeded, created.ToString());
        return created.Value.SessionId;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();

    private static void ShareStorage(IServiceCollection services, IServiceProvider first)
    {
        var key = CartKitServiceKeys.SourceOfTruth;
        services.RemoveAllKeyed<ICartRepository>(key);
        services.RemoveAllKeyed<IOrderRepository>(key);
        services.AddKeyedSingleton(key, first.GetRequiredKeyedService<ICartRepository>(key));
        services.AddKeyedSingleton(key, first.GetRequiredKeyedService<IOrderRepository>(key));
        services.AddSingleton(first.GetRequiredService<IIdempotencyKeyStore>());
        services.AddSingleton(first.GetRequiredService<ISessionStore<CartSession>>());
    }
}
