using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Testing;

/// <summary>
/// A source-of-truth configuration the engine suites run against (in memory, MongoDB, Redis-cached...).
/// One instance per test, disposed after it.
/// </summary>
public abstract class StorageProfile : IAsyncDisposable
{
    public abstract void Configure(ICartKitBuilder builder);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

public sealed class InMemoryStorage : StorageProfile
{
    public override void Configure(ICartKitBuilder builder) => builder.UseInMemoryStorage();
}

/// <summary>Base for suites that build CartKit "processes" over one storage profile.</summary>
public abstract class EngineTestBase<TStorage> : IAsyncLifetime
    where TStorage : StorageProfile, new()
{
    private readonly List<CartKitHarness> _harnesses = [];

    protected TStorage Storage { get; } = new();

    protected CartKitHarness NewHarness(Action<CartKitOptions>? options = null)
    {
        var harness = CartKitHarness.Create(Storage.Configure, options);
        _harnesses.Add(harness);
        return harness;
    }

    /// <summary>A harness over the profile's storage with more configuration on top (an adjustment, a catalog).</summary>
    protected CartKitHarness NewHarnessWith(Action<ICartKitBuilder> configure, Action<CartKitOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var harness = CartKitHarness.Create(
            builder =>
            {
                Storage.Configure(builder);
                configure(builder);
            },
            options);
        _harnesses.Add(harness);
        return harness;
    }

    protected CartKitHarness AnotherInstanceOf(CartKitHarness harness)
    {
        var other = harness.StartAnotherInstance();
        _harnesses.Add(other);
        return other;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await Storage.DisposeAsync();
    }
}
