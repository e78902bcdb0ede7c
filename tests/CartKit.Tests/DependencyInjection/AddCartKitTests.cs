using CartKit.Caching;
using CartKit.Carts;
using CartKit.Catalog;
using CartKit.Checkout;
using CartKit.Domain;
using CartKit.Sessions;
using CartKit.Storage;
using CartKit.Testing;
using CartKit.Testing.Engines;
using CartKit.Testing.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartKit.Tests.DependencyInjection;

public sealed class AddCartKitTests
{
    private static readonly CatalogProduct[] Products = [TestCatalog.Mug, TestCatalog.Shirt];

    [Fact]
    public async Task AHostThatCallsAddCartKit_RunsTheWholeFlowOnInMemoryStores()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog(Products);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        provider.GetRequiredService<IStartupValidator>().Validate();
        var carts = provider.GetRequiredService<ICartEngine>();
        var checkout = provider.GetRequiredService<ICheckoutEngine>();

        var session = ResultAssert.Success(await carts.CreateSessionAsync()).SessionId;
        ResultAssert.Success(await carts.AddItemAsync(session, "MUG", 2));
        var order = ResultAssert.Success(await checkout.CheckoutAsync(session)).Order;
        var paid = ResultAssert.Success(await checkout.PayAsync(order, "pi_1"));

        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(2500, paid.Total.Amount);
    }

    [Fact]
    public void CallingAddCartKitTwice_IsHarmless()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit(o => o.MaxLinesPerCart = 10).UseInMemoryCatalog(Products);
        services.AddCartKit(o => o.MaxQuantityPerLine = 5);

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Single(services, d => d.ServiceType == typeof(ICartEngine));
        Assert.Single(services, d => d.ServiceType == typeof(ICheckoutEngine));
        Assert.Single(services, d => d.ServiceType == typeof(ICartRepository) && !d.IsKeyedService);
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<CartKitOptions>));
        var options = provider.GetRequiredService<IOptions<CartKitOptions>>().Value;
        Assert.Equal((10, 5), (options.MaxLinesPerCart, options.MaxQuantityPerLine));
    }

    [Fact]
    public void Options_AreValidatedAtStart_WithEveryProblemListed()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit(o =>
        {
            o.SessionTtl = TimeSpan.Zero;
            o.MaxQuantityPerLine = 0;
            o.DefaultCurrency = "XYZ";
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("SessionTtl", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("MaxQuantityPerLine", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("'XYZ' is not an ISO 4217", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("No IProductCatalog is registered", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sum", CartMergeStrategy.Sum)]
    [InlineData("KeepUser", CartMergeStrategy.KeepUser)]
    [InlineData("keepGuest", CartMergeStrategy.KeepGuest)]
    public void TheMergeStrategy_BindsFromConfigurationByName(string configured, CartMergeStrategy expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CartKit:MergeStrategy"] = configured }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit(o => configuration.GetSection("CartKit").Bind(o)).UseInMemoryCatalog(Products);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(expected, provider.GetRequiredService<IOptions<CartKitOptions>>().Value.MergeStrategy);
        Assert.Equal(CartMergeStrategy.Sum, new CartKitOptions().MergeStrategy);
    }

    [Fact]
    public void AnUndefinedMergeStrategy_FailsAtStart()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit(o => o.MergeStrategy = (CartMergeStrategy)7).UseInMemoryCatalog(Products);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("MergeStrategy must be Sum, KeepUser or KeepGuest (was 7)", StringComparison.Ordinal));
    }

    [Fact]
    public void EventRelayOptions_AreValidatedAtStart()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit(o =>
        {
            o.Events.PollInterval = TimeSpan.Zero;
            o.Events.MaxAttempts = 0;
            o.Events.RetryDelay = TimeSpan.FromMinutes(10);
            o.Events.MaxRetryDelay = TimeSpan.FromMinutes(1);
        }).UseInMemoryCatalog(Products);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("Events.PollInterval", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Events.MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Events.MaxRetryDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEventRelay_IsAHostedServiceOfEveryCartKitHost_AndSubscribersAreAddedOnce()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog(Products).AddEventSubscriber<NoSubscriber>().AddEventSubscriber<NoSubscriber>();
        services.AddCartKit();
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is CartKit.Events.OrderEventRelay);
        Assert.Single(provider.GetServices<CartKit.Events.ICartKitEventSubscriber>());
    }

    private sealed class NoSubscriber : CartKit.Events.ICartKitEventSubscriber
    {
        public ValueTask HandleAsync(CartKit.Events.CartKitEvent cartKitEvent, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    [Fact]
    public void ReuseTableOptions_AreValidatedAtStart()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit(o =>
        {
            o.Reuse.CartCapacity = 8;
            o.Reuse.SessionCapacity = 5_000_000;
            o.Reuse.StringSlots = 1_000;
        }).UseInMemoryCatalog(Products);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("Reuse.CartCapacity", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Reuse.SessionCapacity", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Reuse.StringSlots must be a power of two", StringComparison.Ordinal));
    }

    [Fact]
    public void ASessionStoreWithoutAPrefix_FailsAtStart()
    {
        var services = new ServiceCollection();
        services.AddSessionStore<ShopperSession>(o => o.Ttl = TimeSpan.FromMinutes(5));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Prefix is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManySessionTypes_LiveSideBySide_EachWithItsOwnOptions()
    {
        var services = new ServiceCollection();
        services.AddSessionStore<ShopperSession>(o => { o.Prefix = "shop:"; o.Ttl = TimeSpan.FromMinutes(5); });
        services.AddSessionStore<AdminSession>(o => { o.Prefix = "admin:"; o.SlidingExpiration = false; });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotSame(provider.GetRequiredService<ISessionStore<ShopperSession>>(), provider.GetRequiredService<ISessionStore<AdminSession>>());
        Assert.Equal(TimeSpan.FromMinutes(5), provider.GetRequiredService<IOptions<SessionStoreOptions<ShopperSession>>>().Value.Ttl);
        Assert.False(provider.GetRequiredService<IOptions<SessionStoreOptions<AdminSession>>>().Value.SlidingExpiration);
    }

    [Fact]
    public void TheCartSessionStore_TakesItsTtlFromCartKitOptions_AndTheHostsPrefix()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit(o => o.SessionTtl = TimeSpan.FromHours(2)).UseInMemoryCatalog(Products);
        services.AddSessionStore<CartSession>(o => o.Prefix = "shop:cart:");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<SessionStoreOptions<CartSession>>>().Value;

        Assert.Equal(TimeSpan.FromHours(2), options.Ttl);
        Assert.Equal("shop:cart:", options.Prefix);
    }

    [Fact]
    public void TheCartSession_IsSerializedWithSourceGeneratedJson()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog(Products);
        using var provider = services.BuildServiceProvider();

        var typeInfo = provider.GetRequiredService<IOptions<SessionStoreOptions<CartSession>>>().Value.JsonTypeInfo;

        Assert.NotNull(typeInfo);
        Assert.Equal("{\"cartId\":\"c1\"}", System.Text.Json.JsonSerializer.Serialize(new CartSession("c1"), typeInfo));
    }

    [Fact]
    public void ACartSessionTtlThatDisagreesWithCartKitOptions_FailsAtStart()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit(o => o.SessionTtl = TimeSpan.FromHours(2)).UseInMemoryCatalog(Products);
        services.AddSessionStore<CartSession>(o => o.Ttl = TimeSpan.FromMinutes(1));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AddCartKit(o => o.SessionTtl = ...)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACacheRegistered_RepositoriesAreServedCacheAside()
    {
        var cache = new RecordingCartCache();
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog(Products);
        services.AddSingleton<ICartCache>(cache);
        await using var provider = services.BuildServiceProvider();
        var carts = provider.GetRequiredService<ICartEngine>();

        var session = ResultAssert.Success(await carts.CreateSessionAsync()).SessionId;
        var written = ResultAssert.Success(await carts.AddItemAsync(session, "MUG", 1));
        var read = ResultAssert.Success(await carts.GetCartAsync(session));

        Assert.IsType<CachedCartRepository>(provider.GetRequiredService<ICartRepository>());
        Assert.Equal(written.Version, cache.Carts[written.Id].Version);
        Assert.Same(cache.Carts[written.Id], read);
        Assert.True(cache.Hits > 0);
    }

    [Fact]
    public void WithoutACache_RepositoriesAreTheSourceOfTruthItself()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog(Products);
        using var provider = services.BuildServiceProvider();

        Assert.IsNotType<CachedCartRepository>(provider.GetRequiredService<ICartRepository>());
        Assert.IsNotType<CachedOrderRepository>(provider.GetRequiredService<IOrderRepository>());
    }

    private sealed class RecordingCartCache : ICartCache
    {
        public Dictionary<string, Cart> Carts { get; } = new(StringComparer.Ordinal);

        public int Hits { get; private set; }

        public ValueTask<CartCacheRead> GetCartAsync(string cartId, CancellationToken cancellationToken)
        {
            var found = Carts.GetValueOrDefault(cartId);
            Hits += found is null ? 0 : 1;
            return ValueTask.FromResult(found is { } cached ? CartCacheRead.Hit(cached) : CartCacheRead.Miss("ticket"));
        }

        public ValueTask SetCartAsync(Cart cart, string repopulateTicket, CancellationToken cancellationToken) => CartWrittenAsync(cart, cancellationToken);

        public ValueTask CartWrittenAsync(Cart cart, CancellationToken cancellationToken)
        {
            if (!Carts.TryGetValue(cart.Id, out var cached) || cached.Version < cart.Version)
            {
                Carts[cart.Id] = cart;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask RemoveCartAsync(string cartId, CancellationToken cancellationToken)
        {
            Carts.Remove(cartId);
            return ValueTask.CompletedTask;
        }

        public ValueTask<Order?> GetOrderAsync(string orderId, CancellationToken cancellationToken) => ValueTask.FromResult<Order?>(null);

        public ValueTask SetOrderAsync(Order order, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
