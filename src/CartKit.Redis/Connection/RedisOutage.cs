using System.Diagnostics;
using System.Net.Sockets;
using CartKit.Redis.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CartKit.Redis.Connection;

// Redis is ephemeral, so its failures are a state to track rather than an error per request (FusionCache's
// fail-safe). The first failure opens an outage: one Warning, then Redis is skipped for FailureBackoff so requests do
// not each pay a timeout; when the window ends one caller probes, and the first success closes the outage (one
// Information). The clock is the real one by design: the window is about a remote server's recovery, and the fake
// clocks of the engine tests must not hold it open forever.
internal sealed class RedisOutage
{
    private readonly TimeProvider _clock;
    private readonly long _backoffTicks;
    private readonly TimeSpan _backoff;
    private readonly ILogger<RedisOutage> _logger;
    private long _retryAt;
    private long _since;
    private int _down;

    public RedisOutage(TimeProvider clock, TimeSpan backoff, ILogger<RedisOutage> logger)
    {
        _clock = clock;
        _backoff = backoff;
        _backoffTicks = (long)(backoff.TotalSeconds * clock.TimestampFrequency);
        _logger = logger;
    }

    // Raised (on the caller's thread) when an outage ends, so what was deferred during it can be repaired.
    public event Action? Recovered;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    // Classified by where an exception comes from, not by its type: a connection that breaks mid-command surfaces as
    // RedisException, TimeoutException, SocketException, but also InvalidOperationException ("writing is not allowed
    // after writer was completed"), TaskCanceledException or a pipe's ConnectionResetException, and a node that came
    // back as a replica as RedisCommandException thrown while the command is issued. So every exception a Redis call
    // throws (issuing it or awaiting it) is Redis failing, except the caller's own cancellation, which stays a
    // cancellation. Callers keep their try blocks around the Redis calls alone, so CartKit's own bugs are not taken
    // for an outage.
    public static bool IsRedisFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    public static string ErrorType(Exception exception) => exception switch
    {
        TimeoutException => "timeout",
        RedisConnectionException or SocketException => "connection",
        RedisServerException => "server",
        ObjectDisposedException => "disposed",
        OperationCanceledException => "canceled",
        _ => "other",
    };

    // True while Redis should not be asked. When the back-off window has passed, exactly one caller gets false (the
    // probe) and the window restarts for the others.
    public bool ShouldSkip()
    {
        if (Volatile.Read(ref _down) == 0)
        {
            return false;
        }

        var retryAt = Volatile.Read(ref _retryAt);
        var now = _clock.GetTimestamp();
        return now < retryAt || Interlocked.CompareExchange(ref _retryAt, now + _backoffTicks, retryAt) != retryAt;
    }

    public void Succeeded()
    {
        if (Volatile.Read(ref _down) == 0 || Interlocked.Exchange(ref _down, 0) == 0)
        {
            return;
        }

        Log.RedisAvailableAgain(_logger, _clock.GetElapsedTime(Volatile.Read(ref _since)));
        Recovered?.Invoke();
    }

    public void Failed(Exception exception)
    {
        var now = _clock.GetTimestamp();
        Volatile.Write(ref _retryAt, now + _backoffTicks);
        var errorType = ErrorType(exception);
        Activity.Current?.SetTag("cartkit.redis.error", errorType);
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Volatile.Write(ref _since, now);
            Log.RedisUnavailable(_logger, errorType, _backoff);
        }
    }
}
