using CartKit.Redis.Connection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CartKit.Redis.Tests;

/// <summary>An outage is one Warning when it starts and one Information when it ends, whatever the traffic in between.</summary>
public sealed class RedisOutageTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly RecordingLogger _log = new();

    [Fact]
    public void ManyFailuresInOneOutage_AreLoggedOnce_AndTheRecoveryOnce()
    {
        var outage = new RedisOutage(_time, TimeSpan.FromSeconds(2), _log);

        for (var i = 0; i < 50; i++)
        {
            outage.Failed(new RedisTimeoutException("timed out", CommandStatus.Sent));
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        for (var i = 0; i < 10; i++)
        {
            outage.Succeeded();
        }

        Assert.Equal([(50, LogLevel.Warning), (51, LogLevel.Information)], _log.Events);
        Assert.Contains("timeout", _log.Messages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("timed out", _log.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondOutage_IsLoggedAgain()
    {
        var outage = new RedisOutage(_time, TimeSpan.FromSeconds(2), _log);

        outage.Failed(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down"));
        outage.Succeeded();
        outage.Failed(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down"));
        outage.Failed(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "down"));

        Assert.Equal([(50, LogLevel.Warning), (51, LogLevel.Information), (50, LogLevel.Warning)], _log.Events);
    }

    [Fact]
    public void WithoutAnOutage_SuccessLogsNothing()
    {
        var outage = new RedisOutage(_time, TimeSpan.FromSeconds(2), _log);

        outage.Succeeded();

        Assert.Empty(_log.Events);
    }

    private sealed class RecordingLogger : ILogger<RedisOutage>
    {
        public List<(int Id, LogLevel Level)> Events { get; } = [];

        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Events.Add((eventId.Id, logLevel));
            Messages.Add(formatter(state, exception));
        }
    }
}
