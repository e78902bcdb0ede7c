using CartKit.AspNetCore.Tests.Carts;
using CartKit.AspNetCore.Tests.Checkout;
using CartKit.AspNetCore.Tests.Orders;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.TestSupport;
using Xunit.Abstractions;

namespace CartKit.AspNetCore.Tests.Http;

// The HTTP suites again, against the sample with Redis configured.

public sealed class RedisCartRoutesTests(RedisSampleApiFactory factory) : CartRoutesTests<RedisSampleApiFactory>(factory);

public sealed class RedisMergeWarningsRoutesTests(RedisSampleApiFactory factory) : MergeWarningsRoutesTests<RedisSampleApiFactory>(factory);
public sealed class RedisCartDetailsRoutesTests(RedisSampleApiFactory factory) : CartDetailsRoutesTests<RedisSampleApiFactory>(factory);

public sealed class RedisCheckoutRoutesTests(RedisSampleApiFactory factory) : CheckoutRoutesTests<RedisSampleApiFactory>(factory);

public sealed class RedisOrderRoutesTests(RedisSampleApiFactory factory) : OrderRoutesTests<RedisSampleApiFactory>(factory);

public sealed class RedisConditionalRequestTests(RedisSampleApiFactory factory) : ConditionalRequestTests<RedisSampleApiFactory>(factory);

public sealed class RedisHttpConcurrencyTests(RedisSampleApiFactory factory) : HttpConcurrencyTests<RedisSampleApiFactory>(factory);

public sealed class RedisBadInputTests(RedisSampleApiFactory factory) : BadInputTests<RedisSampleApiFactory>(factory);

public sealed class RedisRandomizedBadInputTests(RedisSampleApiFactory factory, ITestOutputHelper output)
    : RandomizedBadInputTests<RedisSampleApiFactory>(factory, output);

/// <summary>The Redis-configured host really keeps sessions and carts in Redis (it does not quietly run in memory).</summary>
public sealed class RedisConfiguredHostTests(RedisSampleApiFactory factory) : IClassFixture<RedisSampleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task SessionsAndCachedCarts_LiveInRedis()
    {
        var (sessionId, cart) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        await _client.GetCartAsync(sessionId);

        var redis = SharedRedis.Multiplexer.GetDatabase();
        Assert.True(await redis.KeyExistsAsync("cartkit:s:" + sessionId), "the session is not in Redis");
        Assert.True(await redis.KeyExistsAsync(factory.KeyPrefix + "c:" + cart.GetProperty("cartId").GetString()), "the cart is not cached in Redis");
        Assert.InRange((await redis.KeyTimeToLiveAsync("cartkit:s:" + sessionId))!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }
}
