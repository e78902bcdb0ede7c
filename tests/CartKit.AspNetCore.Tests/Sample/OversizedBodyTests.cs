using System.Net;
using System.Text;
using CartKit.AspNetCore.Tests.TestSupport;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>
/// On a real Kestrel server with keep-alive: a body the server refuses leaves the connection either usable for the next
/// request, or closed with <c>Connection: close</c> on the refusal, so no client or proxy reuses a connection the server
/// is about to drop.
/// </summary>
public sealed class OversizedBodyTests(KestrelSampleApiFactory host) : IClassFixture<KestrelSampleApiFactory>
{
    private const int ServerLimit = 64 * 1024;

    public static TheoryData<string, int, bool> Bodies => new()
    {
        // Over CartKit's 16 KB, under the server's 64 KB: the server reads the rest and the connection stays open.
        { "/api/cart/{session}/items", 20_000, false },
        { "/api/cart/{session}/items", 20_000, true },
        { "/api/cart/{session}/items", ServerLimit, false },

        // Over the server's limit: it cannot read the rest, so it closes, and says so.
        { "/api/cart/{session}/items", ServerLimit + 1, false },
        { "/api/cart/{session}/items", 200_000, false },
        { "/api/cart/{session}/items", 200_000, true },
        { "/api/no-such-route", 200_000, false },
        { "/api/no-such-route", 200_000, true },
        { "/api/orders/AAAAAAAAAAAAAAAAAAAAAA/payment", 200_000, false },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ARefusedBody_LeavesTheConnectionUsable_OrClosesItWithConnectionClose(string route, int size, bool chunked)
    {
        using var client = host.CreateClient();
        var (sessionId, _) = await client.CreateCartAsync();
        var path = route.Replace("{session}", sessionId, StringComparison.Ordinal);
        await using var connection = await RawHttpConnection.OpenAsync(host.Address);

        await connection.SendAsync(Head("POST", path, chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {size}"), Body(size, chunked));
        var refused = await connection.ReadResponseAsync();

        Assert.NotNull(refused);
        Assert.InRange(refused.Status, 400, 499);
        Assert.StartsWith("application/problem+json", refused.Headers["Content-Type"], StringComparison.Ordinal);
        if (refused.ClosesConnection)
        {
            Assert.True(size > ServerLimit, $"A {size}-byte body closed the connection, though the server reads bodies up to {ServerLimit} bytes.");
            Assert.True(await connection.IsClosedByServerAsync(TimeSpan.FromSeconds(10)), "The response said Connection: close, but the server kept the connection open.");
            return;
        }

        Assert.True(size <= ServerLimit, $"A {size}-byte body got {refused.Status} without Connection: close, though the server cannot read it all and will close.");
        await connection.SendAsync(Head("GET", $"/api/cart/{sessionId}"));
        var next = await connection.ReadResponseAsync();
        Assert.True(next is not null, "The server closed the connection after a response that did not say Connection: close.");
        Assert.Equal(200, next.Status);
        Assert.Contains("\"cartId\"", next.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpClient_WithOneKeptAliveConnection_SendsItsNextRequestAfterA413()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { BaseAddress = host.Address };
        var (sessionId, _) = await client.CreateCartAsync();

        for (var i = 0; i < 3; i++)
        {
            using var refused = await client.SendJsonAsync(HttpMethod.Post, $"/api/cart/{sessionId}/items", $$"""{"sku":"{{new string('A', 200_000)}}"}""");
            await ProblemAssert.IsAsync(refused, HttpStatusCode.RequestEntityTooLarge, CartKitProblemTypes.PayloadTooLarge);
            using var added = await client.AddItemAsync(sessionId, "MUG-CARTKIT");
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        Assert.Equal(3, (await client.GetCartAsync(sessionId)).GetProperty("itemCount").GetInt32());
    }

    private static string Head(string method, string path, string? bodyHeader = null) =>
        $"{method} {path} HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
        + (bodyHeader is null ? string.Empty : $"Content-Type: application/json\r\n{bodyHeader}\r\n")
        + "\r\n";

    // A JSON object of exactly `size` bytes, sent as is or as 4 KB chunks.
    private static byte[] Body(int size, bool chunked)
    {
        var json = Encoding.ASCII.GetBytes("{\"sku\":\"" + new string('A', size - 10) + "\"}");
        Assert.Equal(size, json.Length);
        if (!chunked)
        {
            return json;
        }

        var framed = new MemoryStream();
        foreach (var chunk in json.Chunk(4096))
        {
            framed.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            framed.Write(chunk);
            framed.Write("\r\n"u8);
        }

        framed.Write("0\r\n\r\n"u8);
        return framed.ToArray();
    }
}
