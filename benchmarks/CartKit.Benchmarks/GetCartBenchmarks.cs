using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Domain;
using CartKit.Redis.Caching;
using StackExchange.Redis;

namespace CartKit.Benchmarks;

/// <summary>
/// What <c>GET /api/cart/{sessionId}</c> costs below HTTP: <c>ICartEngine.GetCartAsync</c>, which finds the session
/// (refreshing its sliding TTL) and reads the cart, on a hit and a miss (the process has seen the session before, so
/// it reads the cart ahead: both commands in one round trip). The floor is the same two commands sent raw together
/// with the same parse; the same two one after the other show what a read costs without reading ahead.
/// </summary>
[Config(typeof(BenchConfig))]
public class GetCartBenchmarks : StackBenchmarks
{
    private static readonly TimeSpan SessionTtl = TimeSpan.FromMinutes(30);

    private string _sessionId = null!;
    private RedisKey _sessionKey;
    private RedisKey _cartKey;
    private AlternatingEntries _versions = null!;

    /// <summary>Lines in the cart.</summary>
    [Params(1, 10, 100)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        CreateStack();
        (_sessionId, var cart) = Stack.NewCartAsync(Lines).GetAwaiter().GetResult();
        _versions = new AlternatingEntries(cart);
        _sessionKey = Stack.SessionKey(_sessionId);
        _cartKey = Stack.CartKey(cart.Id);
        if (RawSessionThenCart().GetAwaiter().GetResult().Lines.Count != Lines)
        {
            throw new InvalidOperationException("The session or cart is not in Redis as the benchmark expects.");
        }
    }

    /// <summary>The floor: the cart read and the session read with its TTL refresh, sent together; no CartKit code.</summary>
    [Benchmark(Baseline = true)]
    public async Task<Cart> RawCartWithSession()
    {
        var cart = Stack.Database.StringGetLeaseAsync(_cartKey);
        var session = await Stack.Database.StringGetSetExpiryAsync(_sessionKey, SessionTtl);
        using var lease = await cart;
        return session.IsNull ? throw new InvalidOperationException("The session expired.") : RedisCacheFormat.ReadCart(lease!.Span, strings: Stack.Reuse);
    }

    /// <summary>The session read with its TTL refresh, then the cart it names: two round trips, raw.</summary>
    [Benchmark]
    public async Task<Cart> RawSessionThenCart()
    {
        var session = await Stack.Database.StringGetSetExpiryAsync(_sessionKey, SessionTtl);
        if (session.IsNull)
        {
            throw new InvalidOperationException("The session expired.");
        }

        using var lease = await Stack.Database.StringGetLeaseAsync(_cartKey);
        return RedisCacheFormat.ReadCart(lease!.Span, strings: Stack.Reuse);
    }

    /// <summary>A hit on a cart entry unchanged since this process last read it: the snapshot decoded then is reused.</summary>
    [Benchmark]
    public async Task<Cart> EngineCacheHit() => BenchStack.Require(await Stack.Carts.GetCartAsync(_sessionId));

    /// <summary>
    /// A hit on a cart entry changed since this process last read it, as after an edit by another process; the two
    /// versions alternate, stored fire-and-forget on the same connection just before the read (see CartReadBenchmarks).
    /// </summary>
    [Benchmark]
    public async Task<Cart> EngineCacheHitChanged()
    {
        Stack.Database.StringSet(_cartKey, _versions.Next(), flags: CommandFlags.FireAndForget);
        return BenchStack.Require(await Stack.Carts.GetCartAsync(_sessionId));
    }

    /// <summary>A hit on a cart entry this process has never decoded, as its first read of the cart.</summary>
    [Benchmark]
    public async Task<Cart> EngineCacheHitFirstRead() => BenchStack.Require(await Stack.Carts.GetCartAsync(_sessionId));

    [GlobalSetup(Target = nameof(EngineCacheHitFirstRead))]
    public void SetupFirstRead()
    {
        Setup();
        Stack.DecodedCarts.Reuse = false;
    }

    /// <summary>As <see cref="EngineCacheHit"/> after the cart's entry was deleted (fire-and-forget, same connection).</summary>
    [Benchmark]
    public async Task<Cart> EngineCacheMiss()
    {
        Stack.Database.KeyDelete(_cartKey, CommandFlags.FireAndForget);
        return BenchStack.Require(await Stack.Carts.GetCartAsync(_sessionId));
    }
}
