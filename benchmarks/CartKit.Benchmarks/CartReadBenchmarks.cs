using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Domain;
using CartKit.Redis;
using StackExchange.Redis;

namespace CartKit.Benchmarks;

/// <summary>
/// The cache-aside read of one cart by id, as the engines make it: a hit (one GET and a parse) and a miss (the source
/// of truth, a repopulate ticket and the repopulate), against the floor: a raw StackExchange.Redis GET of the same
/// cached bytes plus the same parse, with none of CartKit around it.
/// </summary>
[Config(typeof(BenchConfig))]
public class CartReadBenchmarks
{
    private BenchStack _stack = null!;
    private string _cartId = null!;
    private RedisKey _cartKey;

    /// <summary>Lines in the cart.</summary>
    [Params(1, 10, 100)]
    public int Lines { get; set; }

    /// <summary>Which store answers a miss.</summary>
    [ParamsSource(nameof(SourcesOfTruth))]
    public string SourceOfTruth { get; set; } = null!;

    public static IEnumerable<string> SourcesOfTruth => [BenchStack.SourceOfTruth];

    [GlobalSetup]
    public void Setup()
    {
        _stack = BenchStack.Create();
        (_, var cart) = _stack.NewCartAsync(Lines).GetAwaiter().GetResult();
        _cartId = cart.Id;
        _cartKey = _stack.CartKey(_cartId);
        if (RawGetAndParse().GetAwaiter().GetResult().Lines.Count != Lines)
        {
            throw new InvalidOperationException("The cart is not cached as the benchmark expects.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _stack.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The floor for a hit: one GET of the cached bytes and the parse, nothing else.</summary>
    [Benchmark(Baseline = true)]
    public async Task<Cart> RawGetAndParse()
    {
        using var lease = await _stack.Database.StringGetLeaseAsync(_cartKey);
        return RedisCacheFormat.ReadCart(lease!.Span);
    }

    [Benchmark]
    public async Task<Cart?> CacheHit() => await _stack.Repository.GetAsync(_cartId);

    /// <summary>
    /// A miss: the entry is deleted fire-and-forget on the same connection first (Redis runs it before the read; the
    /// client does not wait for it), then the read falls back to the source of truth and repopulates.
    /// </summary>
    [Benchmark]
    public async Task<Cart?> CacheMiss()
    {
        _stack.Database.KeyDelete(_cartKey, CommandFlags.FireAndForget);
        return await _stack.Repository.GetAsync(_cartId);
    }
}
