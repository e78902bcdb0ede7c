using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CartKit.Tests.Carts;

// Every log entry written through it, from any category: register it as an ILoggerProvider.
internal sealed class CapturedLogs : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<(EventId Event, string Message)> _entries = new();

    public IReadOnlyList<(EventId Event, string Message)> Entries => [.. _entries];

    // Log.AttemptsExhausted's entries.
    public IReadOnlyList<string> AttemptsExhausted => [.. _entries.Where(e => e.Event.Id == 2).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => this;

    public ILogger<T> CreateLogger<T>() => new Logger<T>(new LoggerFactory([this]));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((eventId, formatter(state, exception)));

    public void Dispose()
    {
    }
}
