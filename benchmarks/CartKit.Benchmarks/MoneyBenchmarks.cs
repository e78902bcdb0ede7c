using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Domain;

namespace CartKit.Benchmarks;

/// <summary>Cart totals over lines: the arithmetic every cart read and write performs.</summary>
[Config(typeof(BenchConfig))]
public class MoneyBenchmarks
{
    private readonly LineItem[] _lines = Enumerable.Range(0, 10)
        .Select(i => new LineItem($"item{i:D8}", $"SKU-{i}", $"Product {i}", new Money(1999 + i, Currency.USD), 1 + (i % 3)))
        .ToArray();

    private Cart _cart = null!;

    [GlobalSetup]
    public void Setup() => _cart = new Cart { Id = "c", Owner = new CartOwner("s"), Currency = Currency.USD, Lines = _lines };

    [Benchmark(Baseline = true)]
    public long RawLoop()
    {
        long total = 0;
        foreach (var line in _lines)
        {
            total += line.UnitPrice.Amount * line.Quantity;
        }

        return total;
    }

    [Benchmark]
    public Money CartTotal() => _cart.Total;
}
