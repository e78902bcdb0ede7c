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
public class SessionBenchmarks
{
    private static readonly TimeSpan SessionTtl = TimeSpan.FromMinutes(30);

    private BenchStack _stack = null!;
    private string _sessionId = null!;
    private RedisKey _sessionKey;

    [GlobalSetup]
    public void Setup()
    {
        _stack = BenchStack.Create();
        _sessionId = BenchStack.Require(_stack.Carts.CreateSessionAsync().AsTask().GetAwaiter().GetResult()).SessionId;
        _sessionKey = _stack.SessionKey(_sessionId);
        if (RawGetWithExpiry().GetAwaiter().GetResult().IsNull)
        {
            throw new InvalidOperationException("The session is not where the benchmark expects it.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _stack.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<RedisValue> RawGetWithExpiry() => _stack.Database.StringGetSetExpiryAsync(_sessionKey, SessionTtl);

    [Benchmark]
    public async Task<SessionEntry<CartSession>?> SessionLookup() => await _stack.Sessions.GetAsync(_sessionId);
}
