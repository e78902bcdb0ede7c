using CartKit.Caching;
using CartKit.Checkout;
using CartKit.Diagnostics;
using CartKit.Redis.Caching;
using CartKit.Redis.Checkout;
using CartKit.Redis.Connection;
using CartKit.Redis.Sessions;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.Testing.Sessions;
using CartKit.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using StackExchange.Redis;

namespace CartKit.Redis.Tests;

public sealed class UseRedisTests
{
    [Fact]
    public void WithoutAnyRedis_TheHostFailsAtStart_SayingWhatToConfigure()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.StartsWith(
            "No Redis configured: register an IConnectionMultiplexer, set Configuration, or ConnectionStrings:Redis",
            StringComparison.Ordinal));
    }

    [Fact]
    public void BadOptions_AreListedAtStart()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis(o =>
        {
            o.Configuration = "localhost:1";
            o.KeyPrefix = "{tag}*";
            o.OperationTimeout = TimeSpan.Zero;
            o.CartCacheTtl = TimeSpan.FromDays(2);
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.Contains("KeyPrefix '{tag}*'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("OperationTimeout", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("CartCacheTtl", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("No Redis configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHostRegisteredMultiplexer_IsUsed_AndNotDisposedByCartKit()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(SharedRedis.Multiplexer);
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis(o => o.KeyPrefix = SharedRedis.NewPrefix());
        await using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var database = await provider.GetRequiredService<RedisConnection>().GetDatabaseAsync();

            Assert.Same(SharedRedis.Multiplexer, database.Multiplexer);
        }

        Assert.True(SharedRedis.Multiplexer.IsConnected);
    }

    [Fact]
    public async Task AKeyedMultiplexer_AsAspireRegistersIt_IsUsedWhenServiceKeyNamesIt()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKeyedSingleton("cache", SharedRedis.Multiplexer);
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis(o =>
        {
            o.KeyPrefix = SharedRedis.NewPrefix();
            o.ServiceKey = "cache";
        });
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var database = await provider.GetRequiredService<RedisConnection>().GetDatabaseAsync();

        Assert.Same(SharedRedis.Multiplexer, database.Multiplexer);
    }

    [Fact]
    public void AServiceKeyWithNothingRegisteredUnderIt_FailsAtStart_NamingTheKey()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(SharedRedis.Multiplexer);
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis(o => o.ServiceKey = "sessions");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("no IConnectionMultiplexer is registered under that key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'sessions'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConnectionString_NamedRedis_IsUsed_WhenNothingElseIs()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConnectionStrings(("Redis", SharedRedis.Endpoint)));
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis(o => o.KeyPrefix = SharedRedis.NewPrefix());
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var database = await provider.GetRequiredService<RedisConnection>().GetDatabaseAsync();

        Assert.NotSame(SharedRedis.Multiplexer, database.Multiplexer);
        Assert.True(await database.PingAsync() < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ACreatedConnection_IsMadeOnce_FailsFast_AndNeverAbortsOnAFailedConnect()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis(o =>
        {
            o.Configuration = SharedRedis.Endpoint;
            o.OperationTimeout = TimeSpan.FromMilliseconds(750);
        });
        await using var provider = services.BuildServiceProvider();
        var connection = provider.GetRequiredService<RedisConnection>();

        var databases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => connection.GetDatabaseAsync().AsTask()));

        var multiplexer = Assert.Single(databases.Select(d => d.Multiplexer).Distinct());
        var config = ConfigurationOptions.Parse(multiplexer.Configuration);
        Assert.False(config.AbortOnConnectFail);
        Assert.Equal(750, config.AsyncTimeout);
        Assert.Equal(750, config.ConnectTimeout);
    }

    [Fact]
    public void UseRedis_PutsCartSessions_TheCache_AndTheCheckoutLockOnRedis_AndLeavesOtherSessionTypesAlone()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(SharedRedis.Multiplexer);
        services.AddSessionStore<AdminSession>(o => o.Prefix = "t:admin:");
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis().UseRedis();
        services.AddSessionStore<ShopperSession>(o => o.Prefix = "t:shop:");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<RedisSessionStore<CartSession>>(provider.GetRequiredService<ISessionStore<CartSession>>());
        Assert.IsNotType<RedisSessionStore<AdminSession>>(provider.GetRequiredService<ISessionStore<AdminSession>>());
        Assert.IsNotType<RedisSessionStore<ShopperSession>>(provider.GetRequiredService<ISessionStore<ShopperSession>>());
        Assert.IsType<RedisCartCache>(provider.GetRequiredService<ICartCache>());
        Assert.IsType<RedisCheckoutLock>(provider.GetRequiredService<ICheckoutLock>());
        Assert.IsType<CachedCartRepository>(provider.GetRequiredService<CartKit.Storage.ICartRepository>());
        Assert.IsType<CachedOrderRepository>(provider.GetRequiredService<CartKit.Storage.IOrderRepository>());
        Assert.Single(services, d => d.ServiceType == typeof(ICartCache));
        Assert.Single(services, d => d.ServiceType == typeof(ICartKitHealthProbe));
    }

    [Fact]
    public void UseRedisSessionStores_PutsEverySessionType_OnRedis_EachWithItsOwnOptions()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(SharedRedis.Multiplexer);
        services.AddSessionStore<AdminSession>(o => o.Prefix = "t:admin:");
        services.AddCartKit().UseInMemoryCatalog([TestCatalog.Mug]).UseRedis().UseRedisSessionStores();
        services.AddSessionStore<ShopperSession>(o => o.Prefix = "t:shop:");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<RedisSessionStore<CartSession>>(provider.GetRequiredService<ISessionStore<CartSession>>());
        Assert.IsType<RedisSessionStore<AdminSession>>(provider.GetRequiredService<ISessionStore<AdminSession>>());
        Assert.IsType<RedisSessionStore<ShopperSession>>(provider.GetRequiredService<ISessionStore<ShopperSession>>());
    }

    // The smallest IConfiguration that answers GetConnectionString, so the test needs no configuration package.
    private sealed class ConnectionStrings(params (string Name, string Value)[] values) : IConfiguration
    {
        private readonly Dictionary<string, string> _values =
            values.ToDictionary(v => "ConnectionStrings:" + v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);

        public string? this[string key]
        {
            get => _values.GetValueOrDefault(key);
            set => throw new NotSupportedException();
        }

        public IConfigurationSection GetSection(string key) => new Section(this, key);

        public IEnumerable<IConfigurationSection> GetChildren() => [];

        public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);

        private sealed class Section(ConnectionStrings root, string path) : IConfigurationSection
        {
            public string? this[string key]
            {
                get => root[$"{path}:{key}"];
                set => throw new NotSupportedException();
            }

            public string Key => path;

            public string Path => path;

            public string? Value { get => root[path]; set => throw new NotSupportedException(); }

            public IConfigurationSection GetSection(string key) => new Section(root, $"{path}:{key}");

            public IEnumerable<IConfigurationSection> GetChildren() => [];

            public IChangeToken GetReloadToken() => root.GetReloadToken();
        }
    }
}
