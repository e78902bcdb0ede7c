using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>
/// The sample's webhooks, end to end: the real sample posts CartKit's events to a receiver on a free loopback port in
/// the test, which verifies each signature the way docs/configuration.md shows, refuses some first attempts with a 503,
/// and deduplicates on the event id.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "test-webhook-secret-0123456789";

    [Fact]
    public async Task Events_ArriveSigned_InOrderPerOrder_AndARefusedOneIsRetriedWithTheSameId()
    {
        var receiver = new Receiver(refuseFirstAttemptOf: "order.paid");
        await using var app = await receiver.StartAsync();
        await using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?>
        {
            ["Sample:Webhooks:Url"] = app.Urls.Single() + "/hooks",
            ["Sample:Webhooks:Secret"] = Secret,
            ["CartKit:Events:PollInterval"] = "00:00:00.050",
            ["CartKit:Events:RetryDelay"] = "00:00:00.100",
        });
        using var client = factory.CreateClient();

        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (session, _) = await client.CreateCartAsync();
            using var added = await client.AddItemAsync(session, "MUG-CARTKIT", i + 1);
            using var checkout = await client.CheckoutAsync(session);
            Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
            var orderId = (await checkout.JsonAsync()).GetProperty("orderId").GetString()!;
            using var paid = await client.PayAsync(orderId, $"pi_{i}");
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
            orders.Add(orderId);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(receiver.Accepted.Count >= 6));
        await Task.Delay(300);

        Assert.Empty(receiver.BadSignatures);
        Assert.Equal(6, receiver.Accepted.Count);
        Assert.Equal(9, receiver.Attempts.Count);
        foreach (var (orderId, index) in orders.Select((o, i) => (o, i)))
        {
            var events = receiver.Accepted.Where(e => e.GetProperty("orderId").GetString() == orderId).ToList();
            Assert.Equal(["order.placed", "order.paid"], events.Select(e => e.GetProperty("type").GetString()));
            Assert.Equal([1, 2], events.Select(e => e.GetProperty("sequence").GetInt32()));
            Assert.Equal(index + 1, events[0].GetProperty("lines")[0].GetProperty("quantity").GetInt32());
            Assert.Equal($"pi_{index}", events[1].GetProperty("paymentReference").GetString());

            // The paid event was refused once: the retry carried the same id, and the receiver kept it once.
            var paidId = events[1].GetProperty("id").GetString()!;
            Assert.Equal(2, receiver.Attempts.Count(id => id == paidId));
        }
    }

    [Fact]
    public async Task WithoutAUrl_NoWebhookIsSent_AndCheckoutWorks()
    {
        var receiver = new Receiver(refuseFirstAttemptOf: null);
        await using var app = await receiver.StartAsync();
        await using var factory = new ConfiguredSampleApiFactory(new Dictionary<string, string?> { ["Sample:Webhooks:Secret"] = Secret });
        using var client = factory.CreateClient();
        var (session, _) = await client.CreateCartAsync();
        using var added = await client.AddItemAsync(session, "MUG-CARTKIT");

        using var checkout = await client.CheckoutAsync(session);

        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        await Task.Delay(300);
        Assert.Empty(receiver.Attempts);
    }

    // A receiver as docs/configuration.md describes one: verify the HMAC of the raw body, then deduplicate on the id.
    private sealed class Receiver(string? refuseFirstAttemptOf)
    {
        private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);

        public ConcurrentQueue<string> Attempts { get; } = new();

        public ConcurrentQueue<JsonElement> Accepted { get; } = new();

        public ConcurrentQueue<string> BadSignatures { get; } = new();

        public async Task<WebApplication> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/hooks", (HttpRequest request) => ReceiveAsync(request));
            await app.StartAsync();
            return app;
        }

        private async Task<IResult> ReceiveAsync(HttpRequest request)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var id = request.Headers["X-CartKit-Event-Id"].ToString();
            Attempts.Enqueue(id);

            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
            var signature = request.Headers["X-CartKit-Signature"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
            {
                BadSignatures.Enqueue(id);
                return Results.Unauthorized();
            }

            var payload = JsonDocument.Parse(body).RootElement.Clone();
            Assert.Equal(id, payload.GetProperty("id").GetString());
            if (payload.GetProperty("type").GetString() == refuseFirstAttemptOf && Attempts.Count(a => a == id) == 1)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            if (_seen.TryAdd(id, true))
            {
                Accepted.Enqueue(payload);
            }

            return Results.Ok();
        }
    }
}
