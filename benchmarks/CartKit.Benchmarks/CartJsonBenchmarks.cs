using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CartKit.AspNetCore.Http;
using CartKit.AspNetCore.Serialization;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Caching;
using CartKit.Domain;
using CartKit.Redis.Caching;

namespace CartKit.Benchmarks;

/// <summary>
/// Cart serialization without I/O: the HTTP response body (mapping to the contract plus the source-generated
/// writer CartKit.AspNetCore uses), and the cache entry written and read by the Redis cache.
/// </summary>
[Config(typeof(BenchConfig))]
public class CartJsonBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private Cart _cart = null!;
    private byte[] _entry = null!;

    // The string table CartKit's decode shares skus and names through, as in a running process.
    private readonly ReuseTables _reuse = new(new ReuseTablesOptions(), new ReuseMetrics());
    private Utf8JsonWriter _writer = null!;

    /// <summary>Lines in the cart.</summary>
    [Params(1, 10, 100)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var lines = Enumerable.Range(0, Lines)
            .Select(i => new LineItem(
                $"it{i:D20}",
                BenchStack.Products[i].Sku,
                BenchStack.Products[i].Name,
                BenchStack.Products[i].UnitPrice,
                1 + (i % 3)))
            .ToArray();
        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        _cart = new Cart
        {
            Id = "AAAAAAAAAAAAAAAAAAAAAA",
            Owner = new CartOwner("BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB"),
            Currency = Currency.USD,
            Lines = lines,
            Version = 12,
            CreatedAt = now,
            UpdatedAt = now,
            LastActivityAt = now,
        };
        _entry = RedisCacheFormat.WriteCart(_cart);
        _writer = new Utf8JsonWriter(_buffer);
    }

    [Benchmark(Baseline = true)]
    public int HttpResponseJson()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, _cart.ToResponse(), CartKitJsonContext.Default.CartResponse);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public byte[] CacheEntryWrite() => RedisCacheFormat.WriteCart(_cart);

    [Benchmark]
    public Cart CacheEntryRead() => RedisCacheFormat.ReadCart(_entry, strings: _reuse);
}
