using CartKit.Redis.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CartKit.Redis.Connection;

// The one IConnectionMultiplexer CartKit uses. In order: the options' factory, the host's keyed multiplexer named by
// ServiceKey, the host's own registered multiplexer (as Aspire's client integration registers it), else one CartKit creates itself, lazily and asynchronously on first
// use, from RedisCartKitOptions.Configuration or ConnectionStrings:Redis. A created connection never aborts on a
// failed connect (a Redis that is down must not break the host), times out after OperationTimeout, fails fast
// instead of queueing commands while disconnected, and keeps keys out of its exception messages.
internal sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    public const string ConnectionStringName = "Redis";

    private readonly RedisCartKitOptions _options;
    private readonly IServiceProvider _services;
    private readonly Lock _gate = new();
    private IDatabase? _database;
    private Task<IConnectionMultiplexer>? _connecting;
    private ConnectionMultiplexer? _owned;

    public RedisConnection(IOptions<RedisCartKitOptions> options, IServiceProvider services)
    {
        _options = options.Value;
        _services = services;
    }

    // The database once connected, else null; for callers that must send a command without awaiting anything first.
    public IDatabase? ConnectedDatabase => Volatile.Read(ref _database);

    public ValueTask<IDatabase> GetDatabaseAsync() =>
        Volatile.Read(ref _database) is { } database ? ValueTask.FromResult(database) : ConnectAsync();

    public static ConfigurationOptions CreateConfiguration(string configuration, TimeSpan operationTimeout)
    {
        var timeout = (int)Math.Ceiling(operationTimeout.TotalMilliseconds);
        var config = ConfigurationOptions.Parse(configuration);
        config.AbortOnConnectFail = false;
        config.ConnectTimeout = timeout;
        config.SyncTimeout = timeout;
        config.AsyncTimeout = timeout;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        config.IncludeDetailInExceptions = false;
        return config;
    }

    // Both forms, so a host that disposes its container synchronously does not fail on this singleton.
    public void Dispose() => _owned?.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (_owned is { } owned)
        {
            await owned.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<IDatabase> ConnectAsync()
    {
        Task<IConnectionMultiplexer> connecting;
        lock (_gate)
        {
            connecting = _connecting ??= CreateAsync();
        }

        try
        {
            var multiplexer = await connecting.ConfigureAwait(false);
            var database = multiplexer.GetDatabase();
            Volatile.Write(ref _database, database);
            return database;
        }
        catch
        {
            // A failed attempt (a malformed configuration, a throwing factory) is not cached: the next call tries again.
            lock (_gate)
            {
                if (ReferenceEquals(_connecting, connecting))
                {
                    _connecting = null;
                }
            }

            throw;
        }
    }

    private async Task<IConnectionMultiplexer> CreateAsync()
    {
        if (_options.ConnectionMultiplexerFactory is { } factory)
        {
            return await factory().ConfigureAwait(false);
        }

        if (_options.ServiceKey is { } key)
        {
            return _services.GetRequiredKeyedService<IConnectionMultiplexer>(key);
        }

        if (_services.GetService<IConnectionMultiplexer>() is { } hosts)
        {
            return hosts;
        }

        var configuration = !string.IsNullOrWhiteSpace(_options.Configuration)
            ? _options.Configuration
            : _services.GetService<IConfiguration>()?.GetConnectionString(ConnectionStringName)
                ?? throw new InvalidOperationException(RedisCartKitOptionsValidator.NoRedisConfigured);
        var created = await ConnectionMultiplexer.ConnectAsync(CreateConfiguration(configuration, _options.OperationTimeout))
            .ConfigureAwait(false);
        lock (_gate)
        {
            _owned = created;
        }

        return created;
    }
}
