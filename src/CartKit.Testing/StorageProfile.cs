using Microsoft.Extensions.DependencyInjection;

namespace CartKit.Testing;

/// <summary>
/// A source-of-truth configuration the engine suites run against (in memory, MongoDB, your own store, with or without
/// a cache). Derive from it, register your store in <see cref="Configure"/>, and run the suites over it:
/// <c>public sealed class MyCartEngineTests : CartEngineTests&lt;MyStorage&gt;;</c>.
/// </summary>
/// <remarks>
/// <para>
/// One instance is created per test and disposed after it. <see cref="Configure"/> is called on that instance once for
/// every CartKit "process" (<see cref="CartKitHarness"/>) the test starts, so whatever the processes must share and a
/// container would otherwise create once per process (a connection, a database name, the backing of an in-process
/// cache) belongs on the profile.
/// </para>
/// <para>
/// The stores registered with <c>UseStorage</c> are shared between the processes of a test by the harness (see
/// <see cref="CartKitHarness.StartAnotherInstance"/>); everything else (engines, locks, the cache client) is each
/// process's own, as in production.
/// </para>
/// </remarks>
public abstract class StorageProfile : IAsyncDisposable
{
    /// <summary>Registers the storage (and optionally a cache, a checkout lock, a session store) of one process.</summary>
    /// <param name="builder">The CartKit builder of the process, with in-memory defaults and the test catalog.</param>
    public abstract void Configure(ICartKitBuilder builder);

    /// <summary>Releases what the profile holds (a test database to drop, a key prefix to delete) after its test.</summary>
    /// <returns>A task that completes when the profile is released.</returns>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
