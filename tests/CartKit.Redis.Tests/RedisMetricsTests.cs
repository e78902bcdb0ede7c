using System.Diagnostics.Metrics;
using CartKit.Caching;
using CartKit.Diagnostics;
using CartKit.Redis.Caching;
using CartKit.Redis.Diagnostics;
using CartKit.Sessions;
using CartKit.Testing;
using CartKit.Testing.Engines;
using CartKit.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Redis.Tests;

public sealed class RedisMetricsTests
{
    [Fact]
    public async Task HitsMissesAndRestores_AreCounted_WithLowCardinalityTagsOnly()
    {
        using var metrics = new MetricsRecorder();
        var prefix = SharedRedis.NewPrefix();
        await using var kit = CartKitHarness.Create(b =>
        {
            b.UseInMemoryStorage();
            b.Services.AddSingleton<IMeterFactory>(metrics);
            b.Services.AddSingleton(SharedRedis.Multiplexer);
            b.UseRedis(o => o.KeyPrefix = prefix);
            b.Services.AddSessionStore<CartSession>(o => o.Prefix = prefix + "s:");
        });
        var session = await kit.NewSessionAsync();
        var cart = ResultAssert.Success(await kit.Carts.AddItemAsync(session, "MUG", 1));

        ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        await SharedRedis.Multiplexer.GetDatabase().KeyDeleteAsync(prefix + "c:" + cart.Id);
        ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        await kit.Sessions.RemoveAsync(session);
        kit.Time.Advance(new CartKitOptions().SessionRecheckInterval); // the process asks the session store again
        ResultAssert.Success(await kit.Carts.GetCartAsync(session));
        var order = ResultAssert.Success(await kit.Checkout.CheckoutAsync(session)).Order;
        ResultAssert.Success(await kit.Checkout.PayAsync(order, "pi_1"));
        ResultAssert.Success(await kit.Checkout.GetOrderAsync(order.Id));

        Assert.Equal(1, metrics.Sum(RedisCacheMetrics.CacheMisses, (RedisCacheMetrics.EntityTag, "cart")));
        Assert.True(metrics.Sum(RedisCacheMetrics.CacheHits, (RedisCacheMetrics.EntityTag, "cart")) >= 3);
        Assert.Equal(1, metrics.Sum(RedisCacheMetrics.CacheHits, (RedisCacheMetrics.EntityTag, "order")));
        Assert.Equal(1, metrics.Sum(CartKitMetrics.SessionRestores));
        Assert.Equal(0, metrics.Sum(RedisCacheMetrics.CacheErrors));

        var allowed = new Dictionary<string, string[]>
        {
            [RedisCacheMetrics.EntityTag] = ["cart", "order"],
            [RedisCacheMetrics.ErrorTypeTag] = ["timeout", "connection", "server", "disposed", "canceled", "other", "backoff", "format"],
            [CartKitMetrics.OperationTag] =
            [
                "get", "set", "create", "cart.create_session", "cart.get", "cart.add_item", "cart.set_quantity", "cart.remove_item",
                "cart.clear", "cart.attach_user", "checkout", "order.get", "order.confirm_payment",
            ],
            [CartKitMetrics.OutcomeTag] = ["ok", "fault", .. Enum.GetValues<CartKitErrorCode>().Select(c => Outcomes.Of(c))],
            [CartKitMetrics.ResultTag] = ["created", "replayed", "refused", "confirmed"],
            [ReuseMetrics.TableTag] = [RecentSessions.Table, DecodedCarts.Table, ReuseMetrics.StringsTable],
        };
        Assert.All(metrics.AllTags(), tag => Assert.Contains((string)tag.Value!, allowed[tag.Key]));
    }
}
