using System.Reflection;
using StackExchange.Redis;

namespace CartKit.Redis.Tests;

/// <summary>
/// A connection to the real shared Redis that fails on demand, the ways StackExchange.Redis fails when a connection
/// breaks mid-command or a node comes back as a replica: the command throws as it is issued
/// (<see cref="FaultMode.OnIssue"/>), or its task fails (<see cref="FaultMode.OnAwait"/>). Without a fault every
/// call goes to the real connection.
/// </summary>
internal sealed class FaultyRedis
{
    private readonly IConnectionMultiplexer _multiplexer;

    public FaultyRedis(IConnectionMultiplexer real)
    {
        var database = DispatchProxy.Create<IDatabase, DatabaseProxy>();
        ((DatabaseProxy)(object)database).Init(real.GetDatabase(), this);
        var multiplexer = DispatchProxy.Create<IConnectionMultiplexer, MultiplexerProxy>();
        ((MultiplexerProxy)(object)multiplexer).Init(real, database);
        _multiplexer = multiplexer;
    }

    public IConnectionMultiplexer Multiplexer => _multiplexer;

    /// <summary>Gets or sets the exception each command fails with; null for none.</summary>
    public Func<Exception>? Fault { get; set; }

    public FaultMode Mode { get; set; }

    /// <summary>Gets or sets what runs as each command is issued (before any fault), e.g. to cancel the caller.</summary>
    public Action? OnIssue { get; set; }

    /// <summary>Gets how many commands were issued.</summary>
    public int Issued => Volatile.Read(ref _issued);

    private int _issued;

    public void Fail(Func<Exception> fault, FaultMode mode)
    {
        Mode = mode;
        Fault = fault;
    }

    private object? Invoke(object target, MethodInfo method, object?[]? args)
    {
        if (typeof(Task).IsAssignableFrom(method.ReturnType))
        {
            Interlocked.Increment(ref _issued);
            OnIssue?.Invoke();
            if (Fault is { } fault)
            {
                if (Mode == FaultMode.OnIssue)
                {
                    throw fault();
                }

                return Faulted(method.ReturnType, fault());
            }
        }

        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    private static Task Faulted(Type taskType, Exception exception)
    {
        if (!taskType.IsGenericType)
        {
            return Task.FromException(exception);
        }

        var completion = typeof(TaskCompletionSource<>).MakeGenericType(taskType.GetGenericArguments()[0]);
        var source = Activator.CreateInstance(completion)!;
        completion.GetMethod(nameof(TaskCompletionSource.SetException), [typeof(Exception)])!.Invoke(source, [exception]);
        return (Task)completion.GetProperty(nameof(TaskCompletionSource.Task))!.GetValue(source)!;
    }

#pragma warning disable CA1812, CA1852 // Instantiated and derived from by DispatchProxy.Create, which refuses sealed types.
    internal class DatabaseProxy : DispatchProxy
    {
        private IDatabase _real = null!;
        private FaultyRedis _owner = null!;

        public void Init(IDatabase real, FaultyRedis owner)
        {
            _real = real;
            _owner = owner;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _owner.Invoke(_real, targetMethod!, args);
    }

    internal class MultiplexerProxy : DispatchProxy
    {
        private IConnectionMultiplexer _real = null!;
        private IDatabase _database = null!;

        public void Init(IConnectionMultiplexer real, IDatabase database)
        {
            _real = real;
            _database = database;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IConnectionMultiplexer.GetDatabase))
            {
                return _database;
            }

            return targetMethod.Invoke(_real, args);
        }
    }
#pragma warning restore CA1812, CA1852
}

public enum FaultMode
{
    /// <summary>The command throws synchronously as it is issued (as a command refused by a replica does).</summary>
    OnIssue,

    /// <summary>The command's task fails (as a connection broken mid-command does).</summary>
    OnAwait,
}
