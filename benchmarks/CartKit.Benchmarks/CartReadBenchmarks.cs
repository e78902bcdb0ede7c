using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Domain;
using CartKit.Redis.Caching;
using StackExchange.Redis;

namespace CartKit.Benchmarks;

/// <summary>
/// The cache-aside read of one cart by id, as the engines make it: a hit on an entry this process read before (one GET
/// and a byte comparison: the decoded snapshot is reused), on an entry changed since (one GET and a parse that shares
/// the unchanged lines), on an entry this process never decoded (one GET and a plain parse), and a miss (the source of
/// truth, a repopulate ticket and the repopulate), against the floor: a raw StackExchange.Redis GET of the same cached
/// bytes plus the same parse, with none of CartKit around it.
/// </summary>
[Config(typeof(BenchConfig))]
public class CartReadBenchmarks : StackBenchmarks
{
    private string _cartId = null!;
    private RedisKey _cartKey;
    private AlternatingEntries _versions = null!;

    /// <summary>Lines in the cart.</summary>
    [Params(1, 10, 100)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        CreateStack();
        (_, var cart) = Stack.NewCartAsync(Lines).GetAwaiter().GetResult();
        _versions = new AlternatingEntries(cart);
        _cartId = cart.Id;
        _cartKey = Stack.CartKey(_cartId);
        if (RawGetAndParse().GetAwaiter().GetResult().Lines.Count != Lines)
        {
            throw new InvalidOperationException("The cart is not cached as the benchmark expects.");
        }
    }

    /// <summary>The floor for a hit: one GET of the cached bytes and the parse, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public async Task<Cart> RawGetAndParse()
    {
        using var lease = await Stack.Database.StringGetLeaseAsync(_cartKey);
        return RedisCacheFormat.ReadCart(lease!.Span, strings: Stack.Reuse);
    }

    /// <summary>A hit on an entry unchanged since this process last read it: the snapshot decoded then is reused.</summary>
    [Benchmark]
    public async Task<Cart?> CacheHit() => await Stack.Repository.GetAsync(_cartId);

    /// <summary>
    /// A hit on an entry that changed since this process last read it, as after an edit (one line's quantity): the
    /// parse, sharing the unchanged lines with the snapshot before. The two versions alternate, each stored
    /// fire-and-forget on the same connection just before the read (Redis runs it first; the client does not wait).
    /// </summary>
    [Benchmark]
    public async Task<Cart?> CacheHitChanged()
    {
        Stack.Database.StringSet(_cartKey, _versions.Next(), flags: CommandFlags.FireAndForget);
        return await Stack.Repository.GetAsync(_cartId);
    }

    /// <summary>A hit on an entry this process has never decoded (a plain parse), as a process's first read of the cart.</summary>
    [Benchmark]
    public async Task<Cart?> CacheHitFirstRead() => await Stack.Repository.GetAsync(_cartId);

    [GlobalSetup(Target = nameof(CacheHitFirstRead))]
    public void SetupFirstRead()
    {
        Setup();
        Stack.DecodedCarts.Reuse = false;
    }

    /// <summary>
    /// A miss: the entry is deleted fire-and-forget on the same connection first (Redis runs it before the read; the
    /// client does not wait for it), then the read falls back to the source of truth and repopulates.
    /// </summary>
    [Benchmark]
    public async Task<Cart?> CacheMiss()
    {
        Stack.Database.KeyDelete(_cartKey, CommandFlags.FireAndForget);
        return await Stack.Repository.GetAsync(_cartId);
    }
}
