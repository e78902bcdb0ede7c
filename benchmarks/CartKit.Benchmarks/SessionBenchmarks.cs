using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Sessions;
using StackExchange.Redis;

namespace CartKit.Benchmarks;

/// <summary>
/// A session lookup with its sliding TTL refresh (one GETEX) through <c>ISessionStore&lt;CartSession&gt;</c>, against
/// the raw GETEX of the same key.
/// </summary>
[Config(typeof(BenchConfig))]
public class SessionBenchmarks : StackBenchmarks
{
    private static readonly TimeSpan SessionTtl = TimeSpan.FromMinutes(30);

    private string _sessionId = null!;
    private RedisKey _sessionKey;

    [GlobalSetup]
    public void Setup()
    {
        CreateStack();
        _sessionId = BenchStack.Require(Stack.Carts.CreateSessionAsync().AsTask().GetAwaiter().GetResult()).SessionId;
        _sessionKey = Stack.SessionKey(_sessionId);
        if (RawGetWithExpiry().GetAwaiter().GetResult().IsNull)
        {
            throw new InvalidOperationException("The session is not where the benchmark expects it.");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<RedisValue> RawGetWithExpiry() => Stack.Database.StringGetSetExpiryAsync(_sessionKey, SessionTtl);

    [Benchmark]
    public async Task<SessionEntry<CartSession>?> SessionLookup() => await Stack.Sessions.GetAsync(_sessionId);
}
