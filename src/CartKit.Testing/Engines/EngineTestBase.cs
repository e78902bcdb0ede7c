using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Testing.Engines;

/// <summary>
/// The base of the engine suites: starts CartKit "processes" (<see cref="CartKitHarness"/>) over one
/// <see cref="StorageProfile"/> per test, and disposes them and the profile after it. Derive from it to write further
/// engine tests that run over every profile.
/// </summary>
/// <typeparam name="TStorage">The storage profile.</typeparam>
public abstract class EngineTestBase<TStorage> : IAsyncLifetime
    where TStorage : StorageProfile, new()
{
    private readonly List<CartKitHarness> _harnesses = [];

    /// <summary>Gets this test's storage profile.</summary>
    protected TStorage Storage { get; } = new();

    /// <summary>Starts a CartKit process over the profile's storage.</summary>
    /// <param name="options">Changes to <see cref="CartKitOptions"/> for this process (and the ones started from it).</param>
    /// <returns>The process, disposed after the test.</returns>
    protected CartKitHarness NewHarness(Action<CartKitOptions>? options = null)
    {
        var harness = CartKitHarness.Create(Storage.Configure, options);
        _harnesses.Add(harness);
        return harness;
    }

    /// <summary>Starts a CartKit "process" over the profile's storage with more configuration on top (an adjustment, a catalog).</summary>
    /// <param name="configure">Registers what the test adds to the profile's configuration.</param>
    /// <param name="options">Sets <see cref="CartKitOptions"/> for the process.</param>
    /// <returns>The process, disposed after the test.</returns>
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

    /// <summary>Starts a second process sharing <paramref name="harness"/>'s stores, clock and catalog.</summary>
    /// <param name="harness">The first process.</param>
    /// <returns>The second process, disposed after the test.</returns>
    protected CartKitHarness AnotherInstanceOf(CartKitHarness harness)
    {
        ArgumentNullException.ThrowIfNull(harness);
        var other = harness.StartAnotherInstance();
        _harnesses.Add(other);
        return other;
    }

    /// <summary>Does nothing: processes are started by the tests themselves.</summary>
    /// <returns>A completed task.</returns>
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Disposes the test's processes, then its storage profile.</summary>
    /// <returns>A task that completes when everything is disposed.</returns>
    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }

        await Storage.DisposeAsync();
    }
}
