using System.Collections.Concurrent;
using System.Text;
using CartKit.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>
/// The sample's OTLP wiring, end to end: a minimal OTLP/HTTP receiver stands in for a collector, and CartKit's spans and
/// metrics must arrive at it by the names CartKitDiagnostics publishes.
/// </summary>
public sealed class SampleTelemetryTests
{
    [Fact]
    public async Task WithTheOtlpExporter_CartKitSpansAndMetricsReachTheCollector()
    {
        var received = new ConcurrentDictionary<string, ConcurrentQueue<byte[]>>(StringComparer.Ordinal);
        await using var collector = await StartCollectorAsync(received);
        await using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?>
        {
            ["Sample:Telemetry:Exporter"] = "otlp",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.Single(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        using var client = factory.CreateClient();

        var (sessionId, _) = await client.CreateCartAsync();
        (await client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();

        await EventuallyContainsAsync(received, "/v1/traces", "cartkit.cart.add_item");
        await EventuallyContainsAsync(received, "/v1/traces", "cartkit.store.carts.replace");
        await EventuallyContainsAsync(received, "/v1/metrics", "cartkit.operations");
        await EventuallyContainsAsync(received, "/v1/metrics", "cartkit.operation.duration");
    }

    [Fact]
    public void AnUnknownExporter_FailsAtStart()
    {
        using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?> { ["Sample:Telemetry:Exporter"] = "zipkin" });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("none, console or otlp", ex.ToString(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartCollectorAsync(ConcurrentDictionary<string, ConcurrentQueue<byte[]>> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.GetOrAdd(context.Request.Path, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            return Results.Ok();
        });
        await collector.StartAsync();
        return collector;
    }

    private static async Task EventuallyContainsAsync(ConcurrentDictionary<string, ConcurrentQueue<byte[]>> received, string path, string name)
    {
        var needle = Encoding.UTF8.GetBytes(name);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (received.TryGetValue(path, out var bodies) && bodies.Any(b => b.AsSpan().IndexOf(needle) >= 0))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No {path} export mentioning '{name}' arrived within 10 seconds (got: {string.Join(", ", received.Keys)}).");
    }
}
