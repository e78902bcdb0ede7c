using CartKit.Carts;
using CartKit.Catalog;
using CartKit.Checkout;
using CartKit.Sessions;
using CartKit.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CartKit.Testing;

/// <summary>
/// One CartKit "process": a container with the engines, a controllable clock and catalog, and whichever storage the
/// test configures. <see cref="StartAnotherInstance"/> builds a second process sharing the same source of truth
/// (but with its own engines and in-process locks), to prove behaviour that must hold across processes.
/// </summary>
public sealed class CartKitHarness : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = Samples.T0;

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
        _ = Services.GetRequiredService<IOptions<CartKitOptions>>().Value;
    }

    /// <summary>Gets the process's container, to resolve anything else registered (your store, your cache, options).</summary>
    public ServiceProvider Services { get; }

    /// <summary>Gets the clock every CartKit service of the process reads; advance it to let sessions, leases and keys expire.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Gets the catalog the engines price from; change prices and availability, or hold lookups in flight.</summary>
    public TestCatalog Catalog { get; }

    /// <summary>Gets the cart engine.</summary>
    public ICartEngine Carts => Services.GetRequiredService<ICartEngine>();

    /// <summary>Gets the checkout engine.</summary>
    public ICheckoutEngine Checkout => Services.GetRequiredService<ICheckoutEngine>();

    /// <summary>Gets the cart store as the engines see it: the source of truth behind CartKit's tracing and cache-aside layers.</summary>
    public ICartRepository CartStore => Services.GetRequiredService<ICartRepository>();

    /// <summary>Gets the order store as the engines see it: the source of truth behind CartKit's tracing and cache-aside layers.</summary>
    public IOrderRepository OrderStore => Services.GetRequiredService<IOrderRepository>();

    /// <summary>Gets the cart session store.</summary>
    public ISessionStore<CartSession> Sessions => Services.GetRequiredService<ISessionStore<CartSession>>();

    /// <summary>Starts a process: a fake clock at <see cref="Samples.T0"/>, a fresh <see cref="TestCatalog"/>, and the storage configured.</summary>
    /// <param name="configureStorage">
    /// Registers the storage, as <see cref="StorageProfile.Configure"/> does; called again for every process started
    /// from this one.
    /// </param>
    /// <param name="configureOptions">Changes to <see cref="CartKitOptions"/>, applied to every process started from this one.</param>
    /// <returns>The process; dispose it after the test.</returns>
    public static CartKitHarness Create(Action<ICartKitBuilder> configureStorage, Action<CartKitOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(configureStorage);
        return new(configureStorage, configureOptions, new FakeTimeProvider(Start), new TestCatalog(), null);
    }

    /// <summary>
    /// Starts a second process: the same storage configuration, clock and catalog, its own engines, locks and cache
    /// client. The source of truth (the cart and order stores registered under
    /// <see cref="CartKitServiceKeys.SourceOfTruth"/> and the idempotency key store, as <c>UseStorage</c> registers
    /// them) and the cart session store are this process's own instances, so the two processes share them whatever
    /// the store keeps in memory.
    /// </summary>
    /// <returns>The second process; dispose it after the test.</returns>
    public CartKitHarness StartAnotherInstance() => new(_configureStorage, _configureOptions, Time, Catalog, this);

    /// <summary>Creates a cart session and asserts that it succeeded.</summary>
    /// <param name="userId">The signed-in user, or <see langword="null"/> for a guest.</param>
    /// <returns>The session id.</returns>
    public async Task<string> NewSessionAsync(string? userId = null)
    {
        var created = await Carts.CreateSessionAsync(userId);
        Assert.True(created.Succeeded, created.ToString());
        return created.Value.SessionId;
    }

    /// <summary>Disposes the process's container (and with it the stores it created).</summary>
    /// <returns>A task that completes when the container is disposed.</returns>
    public ValueTask DisposeAsync() => Services.DisposeAsync();

    // The second process gets the first one's store instances in place of its own registrations, so a store that keeps
    // its data in the object (a dictionary, a client-side session) is shared just like one backed by a server.
    private static void ShareStorage(IServiceCollection services, IServiceProvider first)
    {
        var key = CartKitServiceKeys.SourceOfTruth;
        var carts = first.GetKeyedService<ICartRepository>(key);
        var orders = first.GetKeyedService<IOrderRepository>(key);
        if (carts is null || orders is null)
        {
            throw new InvalidOperationException(
                $"The first process has no cart or order store registered under CartKitServiceKeys.SourceOfTruth; register the source of truth with UseStorage<TCarts, TOrders, TKeys>(), which does.");
        }

        services.RemoveAllKeyed<ICartRepository>(key);
        services.RemoveAllKeyed<IOrderRepository>(key);
        services.RemoveAll<IIdempotencyKeyStore>();
        services.RemoveAll<ISessionStore<CartSession>>();
        services.AddKeyedSingleton(key, carts);
        services.AddKeyedSingleton(key, orders);
        services.AddSingleton(first.GetRequiredService<IIdempotencyKeyStore>());
        services.AddSingleton(first.GetRequiredService<ISessionStore<CartSession>>());
    }
}
