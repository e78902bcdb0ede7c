using System.Buffers;
using BenchmarkDotNet.Attributes;
using CartKit.Benchmarks.Infrastructure;
using CartKit.Carts;
using CartKit.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CartKit.Benchmarks;

/// <summary>
/// <c>GET /api/cart/{sessionId}</c> on a cache hit through ASP.NET Core's whole request pipeline, hosted in process
/// (TestServer, so no sockets), against the floor benchmarks/load/run.sh uses over loopback: an endpoint in the same
/// host and route group that answers with the same bytes after one Redis GET. Without the kernel's share of a request
/// (most of it on a small VM), the ratio is CartKit's own work per request: the session lookup with its TTL refresh,
/// the engine, and the response. Real Redis on both sides; the source of truth is never reached.
/// </summary>
[Config(typeof(BenchConfig))]
public class HttpGetCartBenchmarks
{
    private static readonly SearchValues<char> Base64Url =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private ConnectionMultiplexer _redis = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _referencePrefix = null!;
    private string _cartPath = null!;
    private string _referencePath = null!;

    /// <summary>Lines in the cart.</summary>
    [Params(1, 10, 100)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>The floor: one Redis GET of the bytes CartKit answered for this session, written out as they are.</summary>
    [Benchmark(Baseline = true)]
    public Task<byte[]> ReferenceGet() => _client.GetByteArrayAsync(_referencePath);

    [Benchmark]
    public Task<byte[]> CartKitGet() => _client.GetByteArrayAsync(_cartPath);

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _redis.Dispose();
    }

    private async Task SetupAsync()
    {
        _redis = BenchRedis.Connect();
        var prefix = $"h{Guid.NewGuid():N}"[..9] + ":";
        _referencePrefix = prefix + "ref:";

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IConnectionMultiplexer>(_redis);
        builder.Services.Configure<SessionStoreOptions<CartSession>>(o => o.Prefix = prefix + "s:");
        // Every read asks the session store (the costlier path), as in BenchStack.
        builder.Services.AddCartKit(o =>
            {
                o.MaxLinesPerCart = 1_000;
                o.SessionRecheckInterval = TimeSpan.Zero;
            })
            .UseInMemoryCatalog(BenchStack.Products)
            .UseRedis(o => o.KeyPrefix = prefix);
        _app = builder.Build();
        var api = _app.MapGroup("/api");
        api.MapCartKit();
        api.MapGet("/_reference/cart/{sessionId}", ReferenceAsync);
        await _app.StartAsync();
        _client = _app.GetTestClient();

        var (sessionId, _) = await BenchStack.NewCartAsync(_app.Services.GetRequiredService<ICartEngine>(), Lines);
        _cartPath = $"/api/cart/{sessionId}";
        _referencePath = $"/api/_reference/cart/{sessionId}";
        var body = await _client.GetByteArrayAsync(_cartPath);
        await _redis.GetDatabase().StringSetAsync(_referencePrefix + sessionId, body, TimeSpan.FromHours(1));
        var reference = await ReferenceGet();
        if (!body.AsSpan().SequenceEqual(reference))
        {
            throw new InvalidOperationException("The reference does not answer the bytes CartKit answered.");
        }
    }

    private async Task ReferenceAsync(string sessionId, HttpContext http)
    {
        // The same cheap format check CartKit applies before a session id may reach Redis.
        if (sessionId.Length != 32 || sessionId.AsSpan().ContainsAnyExcept(Base64Url))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = await _redis.GetDatabase().StringGetLeaseAsync(_referencePrefix + sessionId);
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var response = http.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body.Memory, http.RequestAborted);
    }
}
