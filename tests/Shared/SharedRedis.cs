using CartKit.Redis;
using CartKit.Redis.Connection;
using CartKit.Redis.Sessions;
using CartKit.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CartKit.TestSupport;

/// <summary>
/// The Redis most Redis tests share: <c>CARTKIT_TEST_REDIS</c> (host:port, exported by .ci/run) or, without it, a
/// private redis-server this process starts once. With neither, every test using it fails with the reason. Tests on
/// the shared server never flush it (test classes run in parallel): each isolates itself with its own key prefix.
/// Tests that stop or restart Redis start their own <see cref="RedisServerProcess"/> instead.
/// </summary>
internal static class SharedRedis
{
    public const string Variable = "CARTKIT_TEST_REDIS";

    private static readonly Lazy<string> LazyEndpoint = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<ConnectionMultiplexer> LazyMultiplexer = new(
        () => ConnectionMultiplexer.Connect(RedisConnection.CreateConfiguration(Endpoint, TimeSpan.FromSeconds(5))),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static RedisServerProcess? _own;

    public static string Endpoint => LazyEndpoint.Value;

    public static IConnectionMultiplexer Multiplexer => LazyMultiplexer.Value;

    /// <summary>A key prefix no other test uses, so tests sharing one server never see each other's keys.</summary>
    public static string NewPrefix() => $"t{Guid.NewGuid():N}"[..13] + ":";

    /// <summary>A connection on the shared multiplexer, as a host that registered its own would have.</summary>
    public static RedisConnection Connection(RedisCartKitOptions? options = null, IConnectionMultiplexer? multiplexer = null)
    {
        options ??= new RedisCartKitOptions();
        options.ConnectionMultiplexerFactory = () => Task.FromResult(multiplexer ?? Multiplexer);
        return new RedisConnection(Options.Create(options), new ServiceCollection().BuildServiceProvider());
    }

    public static RedisOutage Outage(TimeSpan? backoff = null) =>
        new(TimeProvider.System, backoff ?? TimeSpan.FromSeconds(1), NullLogger<RedisOutage>.Instance);

    public static RedisSessionStore<T> SessionStore<T>(string prefix, TimeSpan ttl, bool sliding = true, RedisConnection? connection = null)
        where T : class =>
        new(
            Options.Create(new SessionStoreOptions<T> { Prefix = prefix, Ttl = ttl, SlidingExpiration = sliding }),
            connection ?? Connection(),
            Outage(),
            TimeProvider.System);

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } endpoint)
        {
            return endpoint;
        }

        if (RedisServerProcess.FindBinary() is null)
        {
            throw new InvalidOperationException(RedisServerProcess.InstallHint);
        }

        _own = RedisServerProcess.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += static (_, _) => _own?.Kill();
        return _own.Endpoint;
    }
}
