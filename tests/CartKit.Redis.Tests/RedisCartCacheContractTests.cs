using CartKit.Caching;
using CartKit.Testing.Caching;

namespace CartKit.Redis.Tests;

/// <summary>CartKit.Testing's cache contract against <see cref="Caching.RedisCartCache"/> on the shared Redis, under a key prefix per test.</summary>
public sealed class RedisCartCacheContractTests : CartCacheContractTests, IDisposable
{
    private readonly RedisCacheKit _kit = new();

    protected override Task<ICartCache> CreateCacheAsync() => Task.FromResult<ICartCache>(_kit.Cache);

    public void Dispose() => _kit.Dispose();
}
