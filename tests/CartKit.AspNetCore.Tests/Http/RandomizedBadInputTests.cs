using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.Carts;
using Xunit.Abstractions;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>
/// Thousands of generated bad requests (wrong types, huge and negative numbers, unicode, control characters, nested
/// objects, truncated JSON, random bytes, hostile path segments and headers) against every route. None may be a 5xx,
/// and the carts that existed before are byte-for-byte the same afterwards. The seed is printed so a failure can be
/// replayed.
/// </summary>
public abstract class RandomizedBadInputTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : SampleApiFactory
{
    private const int Requests = 3000;
    private static readonly string[] CatalogSkus = ["TSHIRT-BLK-M", "HOODIE-GRY-L", "MUG-CARTKIT", "STICKER-PACK", "CAP-NAVY", "POSTER-A2"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GeneratedBadRequests_NeverCause5xx_AndNeverChangeStoredCarts()
    {
        var seed = Environment.GetEnvironmentVariable("CARTKIT_FUZZ_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (set CARTKIT_FUZZ_SEED to replay)");
        var random = new Random(seed);

        var sessions = new List<string>();
        var items = new List<string>();
        var orders = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (sessionId, _) = await _client.CreateCartAsync();
            using var added = await _client.AddItemAsync(sessionId, CatalogSkus[i]);
            items.Add((await added.JsonAsync()).GetProperty("items")[0].GetProperty("itemId").GetString()!);
            using var checkout = await _client.CheckoutAsync(sessionId);
            orders.Add((await checkout.JsonAsync()).GetProperty("orderId").GetString()!);
            sessions.Add(sessionId);
        }

        var before = await SnapshotAsync(sessions);
        var statuses = new Dictionary<int, int>();
        var sent = 0;
        var fuzz = new Fuzz(random, sessions, items, orders);
        while (sent < Requests)
        {
            using var request = fuzz.NextRequest();
            if (request is null)
            {
                continue;
            }

            // A generated segment such as "?" or "#" can end the path early and turn any request into the one route
            // where anything goes: POST /api/cart creates a cart whatever its body.
            var path = new Uri(new Uri("http://localhost"), request.RequestUri!).AbsolutePath.TrimEnd('/');
            var isCreate = request.Method == HttpMethod.Post && path == "/api/cart";

            // The same with a line's PATCH cut short to PATCH /api/cart/{sessionId}: a body without any checkout details
            // field is a valid merge patch that changes nothing (the carts are compared at the end all the same).
            var isEmptyDetailsPatch = request.Method == HttpMethod.Patch
                && request.RequestUri!.OriginalString.Contains("/items", StringComparison.Ordinal)
                && path.Count(c => c == '/') == 3 && path.StartsWith("/api/cart/", StringComparison.Ordinal);

            using var response = await _client.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"{request.Method} {request.RequestUri} answered {status}: {body}");
            Assert.True(
                isCreate ? status == 201 : status is >= 400 and < 500 || (isEmptyDetailsPatch && status == 200),
                $"{request.Method} {request.RequestUri} answered {status}: {body}");
            if (!isCreate && status != 200)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        output.WriteLine($"{sent} randomized requests: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key} x{p.Value}")));
        Assert.Equal(before, await SnapshotAsync(sessions));
    }

    private async Task<string[]> SnapshotAsync(List<string> sessions) =>
        await Task.WhenAll(sessions.Select(async s => (await _client.GetCartAsync(s)).GetRawText()));

    private sealed class Fuzz(Random random, List<string> sessions, List<string> items, List<string> orders)
    {
        // No raw "%00": the in-memory test server refuses to build a request with a NUL in its path (Kestrel
        // answers such requests 400 before any application code runs), so it cannot be sent here.
        private static readonly string[] Nasty =
        [
            "", " ", "..", "../..", "%01", "%2F", "%2e%2e%2f", "\\", "*", "?", "#", "{", "}", "$gt", "$where", "{\"$ne\":null}",
            "null", "true", "0", "-1", "1e309", "NaN", "\u0000", "\u001f", "\u202e", "\ud83d\ude00", "日本語", "<script>",
            "' OR 1=1 --", "%n%s", "\r\n", new string('A', 300), new string('9', 40),
        ];

        // The tag of a cart id none of the seeded carts has.
        private static readonly string OtherCartTag = ExpectedCart.TagOf("AAAAAAAAAAAAAAAAAAAAAA");

        public HttpRequestMessage? NextRequest()
        {
            var request = Generate();
            if (request is not null && Uri.UnescapeDataString(request.RequestUri!.OriginalString).Contains('\0', StringComparison.Ordinal))
            {
                request.Dispose();
                return null; // See Nasty: not sendable through the in-memory server.
            }

            return request;
        }

        private HttpRequestMessage? Generate()
        {
            try
            {
                return random.Next(10) switch
                {
                    0 => WithBody(HttpMethod.Post, "/api/cart", RandomBytes()),
                    1 => new HttpRequestMessage(HttpMethod.Get, $"/api/cart/{Segment()}"),
                    2 => WithBody(HttpMethod.Post, $"/api/cart/{SessionOrJunk()}/items", BadAddItemBody()),
                    3 => WithBody(HttpMethod.Patch, $"/api/cart/{SessionOrJunk()}/items/{ItemOrJunk()}", BadQuantityBody()),
                    4 => WithHeaders(new HttpRequestMessage(HttpMethod.Delete, $"/api/cart/{SessionOrJunk()}/items/{Segment()}")),
                    5 => Checkout(),
                    6 => new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{Segment()}"),
                    7 => Payment(),
                    8 => WithBody(HttpMethod.Patch, $"/api/cart/{SessionOrJunk()}", BadDetailsBody()),
                    _ => WithBody(HttpMethod.Post, $"/api/cart/{SessionOrJunk()}/items", RandomBytes()),
                };
            }
            catch (UriFormatException)
            {
                return null;
            }
        }

        private HttpRequestMessage Checkout()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cart/{SessionOrJunk()}/checkout");

            // A well-formed key on a real session would be a real checkout; every key sent here is malformed.
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(3) switch
            {
                0 => new string('k', 256 + random.Next(100)),
                1 => "has space " + random.Next(),
                _ => "ünïcode-" + random.Next(),
            });
            return request;
        }

        private HttpRequestMessage Payment()
        {
            var orderId = random.Next(2) == 0 ? orders[random.Next(orders.Count)] : Segment();
            // Every reference is malformed (too long, a space, non-ASCII, or not a string), so nothing is ever paid.
            var reference = random.Next(6) switch
            {
                0 => JsonString(new string('r', 201 + random.Next(50))),
                1 => JsonString($"ref {random.Next()}"),
                2 => JsonString($"réf-{random.Next()}"),
                3 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                4 => "{\"$ne\":null}",
                _ => random.Next(2) == 0 ? "null" : "[\"pi_1\"]",
            };
            var request = WithBody(HttpMethod.Post, $"/api/orders/{orderId}/payment", Encoding.UTF8.GetBytes($"{{\"paymentReference\":{reference},\"amount\":{random.Next(1, 5000)},\"currency\":\"USD\"}}"));
            if (random.Next(2) == 0)
            {
                request.Headers.TryAddWithoutValidation("X-Payment-Secret", SampleApiFactory.PaymentSecret);
            }

            return request;
        }

        private string SessionOrJunk() => random.Next(3) == 0 ? sessions[random.Next(sessions.Count)] : Segment();

        private string ItemOrJunk() => random.Next(3) == 0 ? items[random.Next(items.Count)] : Segment();

        private string Segment() => random.Next(4) switch
        {
            0 => Nasty[random.Next(Nasty.Length)],
            1 => Uri.EscapeDataString(RandomText(random.Next(1, 60))),
            2 => Uri.EscapeDataString(Nasty[random.Next(Nasty.Length)]),
            _ => RandomBase64Url(random.Next(1, 40)),
        };

        // Every add-item body is invalid: a sku that cannot be in the catalog, or a bad shape or type.
        private byte[] BadAddItemBody()
        {
            var sku = JsonValue(0);
            if (CatalogSkus.Any(c => sku.Contains(c, StringComparison.OrdinalIgnoreCase)))
            {
                sku = "\"not-a-product\"";
            }

            var json = random.Next(5) switch
            {
                0 => $"{{\"sku\":{sku},\"quantity\":{JsonValue(0)}}}",
                1 => $"{{\"sku\":{sku}}}",
                2 => $"{{\"sku\":\"{CatalogSkus[random.Next(CatalogSkus.Length)]}\",\"quantity\":{BadQuantity()}}}",
                3 => JsonValue(0),
                _ => Truncate($"{{\"sku\":\"{CatalogSkus[random.Next(CatalogSkus.Length)]}\",\"quantity\":1}}"),
            };
            return Encoding.UTF8.GetBytes(json);
        }

        // Every checkout details body is refused as a whole: one bad field, wrong types, a code or shipping method the
        // sample's pricing does not know, or a cut-off document. Nothing in it may be written, even the good fields.
        private byte[] BadDetailsBody()
        {
            string Bad(params string[] values) => values[random.Next(values.Length)];
            var goodEmail = "\"email\":\"ada@example.com\",";
            var json = random.Next(7) switch
            {
                0 => $"{{\"email\":{Bad("\"not-an-email\"", "\"a@b\"", "\"x@@y.io\"", JsonString(new string('e', 260) + "@x.io"), "1", "[]", "{\"$ne\":null}")}}}",
                1 => $"{{{goodEmail}\"shippingAddress\":{{\"name\":\"A\",\"line1\":\"B\",\"city\":\"C\",\"country\":{Bad("\"XX\"", "\"DEU\"", "\"\"", "1", "null", JsonString(Nasty[random.Next(Nasty.Length)]))}}}}}",
                2 => $"{{{goodEmail}\"billingAddress\":{Bad("{}", "[]", "\"Main St\"", "{\"name\":\"A\",\"line1\":\"B\",\"country\":\"DE\"}", "{\"name\":\"A\",\"line1\":\"B\",\"city\":\"C\",\"country\":\"DE\",\"postalCode\":\"1;DROP\"}")}}}",
                3 => $"{{\"discountCodes\":{Bad("[\"NOSUCHCODE\"]", "[\"HAS SPACE\"]", "[\"\"]", "[null]", "[1]", "\"WELCOME10\"", "{\"$in\":[]}", "[" + string.Join(",", Enumerable.Range(0, 11).Select(i => $"\"C{i}\"")) + "]")}}}",
                4 => $"{{{goodEmail}\"shippingMethod\":{Bad("\"teleport\"", "\"next day\"", "1", "[\"standard\"]", JsonString(new string('m', 60)))}}}",
                5 => "{\"email\":\"ada@example.com\",\"email\":\"twice@example.com\"}",
                _ => Truncate("{\"email\":\"ada@example.com\",\"shippingMethod\":\"standard\"}"),
            };
            return Encoding.UTF8.GetBytes(json);
        }

        private byte[] BadQuantityBody() => Encoding.UTF8.GetBytes(random.Next(3) switch
        {
            0 => $"{{\"quantity\":{BadQuantity()}}}",
            1 => JsonValue(0),
            _ => Truncate("{\"quantity\":1}"),
        });

        private string BadQuantity() => random.Next(6) switch
        {
            0 => (-random.Next(1, int.MaxValue)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => "99999999999999999999999",
            2 => "1.5",
            3 => "\"3\"",
            4 => $"{{\"$inc\":{random.Next()}}}",
            _ => "[1]",
        };

        private string JsonValue(int depth) => (depth > 6 ? random.Next(5) : random.Next(8)) switch
        {
            0 => JsonString(RandomText(random.Next(0, 80))),
            1 => JsonString(Nasty[random.Next(Nasty.Length)]),
            2 => random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            3 => random.NextDouble().ToString("E", System.Globalization.CultureInfo.InvariantCulture),
            4 => random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" },
            5 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => JsonValue(depth + 1))) + "]",
            6 => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => $"{JsonString(Nasty[random.Next(Nasty.Length)])}:{JsonValue(depth + 1)}")) + "}",
            _ => new string('[', 70 + random.Next(200)),
        };

        private static string JsonString(string value) => JsonSerializer.Serialize(value);

        private string Truncate(string json) => json[..random.Next(1, json.Length)];

        private string RandomText(int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = random.Next(4) switch
                {
                    0 => (char)random.Next(0, 32),
                    1 => (char)random.Next(32, 127),
                    2 => (char)random.Next(0x80, 0x2FFF),
                    _ => (char)random.Next(0x3000, 0xD7FF),
                };
            }

            return new string(chars);
        }

        private string RandomBase64Url(int length)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        }

        private byte[] RandomBytes()
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            return bytes;
        }

        private HttpRequestMessage WithBody(HttpMethod method, string path, byte[] body)
        {
            var request = WithHeaders(new HttpRequestMessage(method, path));
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = random.Next(8) == 0
                ? new MediaTypeHeaderValue("text/plain")
                : new MediaTypeHeaderValue("application/json");
            return request;
        }

        // If-Match values that can never name the current cart at its version: malformed, weak, a bare version (names no
        // cart), a version no cart has, or a current version with another cart's tag.
        private HttpRequestMessage WithHeaders(HttpRequestMessage request)
        {
            if (random.Next(3) == 0)
            {
                request.Headers.TryAddWithoutValidation("If-Match", random.Next(5) switch
                {
                    0 => Nasty[random.Next(Nasty.Length)],
                    1 => "W/\"1\"",
                    2 => $"\"{random.Next(0, 4)}\"",
                    3 => $"\"{random.Next(1, 4)}.{OtherCartTag}\"",
                    _ => $"\"{random.Next(100_000, int.MaxValue)}\"",
                });
            }

            return request;
        }
    }
}

public sealed class InMemoryRandomizedBadInputTests(SampleApiFactory factory, ITestOutputHelper output)
    : RandomizedBadInputTests<SampleApiFactory>(factory, output);
