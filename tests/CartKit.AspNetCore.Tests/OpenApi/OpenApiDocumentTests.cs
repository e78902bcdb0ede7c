using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartKit.AspNetCore.Tests.TestSupport;
using Snapshooter.Xunit;

namespace CartKit.AspNetCore.Tests.OpenApi;

/// <summary>The generated OpenAPI document is the HTTP contract: any change to it shows up as a snapshot diff.</summary>
public sealed class OpenApiDocumentTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheOpenApiDocument_MatchesTheApprovedSnapshot()
    {
        var document = await DocumentAsync();

        Snapshot.Match(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    [Fact]
    public async Task EveryCartKitOperation_HasANameSummaryTagsAndResponses()
    {
        var document = await DocumentAsync();

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!)))
            .ToList();
        Assert.Equal(13, operations.Count);
        Assert.All(operations, op =>
        {
            Assert.False(string.IsNullOrEmpty(op.Operation["operationId"]?.GetValue<string>()), $"{op.Method} {op.Path} has no name");
            Assert.False(string.IsNullOrEmpty(op.Operation["summary"]?.GetValue<string>()), $"{op.Method} {op.Path} has no summary");
            Assert.NotEmpty(op.Operation["tags"]!.AsArray());
            Assert.NotEmpty(op.Operation["responses"]!.AsObject());
        });
    }

    [Fact]
    public async Task TheDocument_DescribesTheResponseHeaders_TheSecretHeader_And401And429()
    {
        var paths = (await DocumentAsync())["paths"]!;
        string[] Headers(string path, string method, string status) =>
            [.. paths[path]![method]!["responses"]![status]?["headers"]?.AsObject().Select(h => h.Key) ?? []];

        // CartKit's own: the cart's version, where a created resource lives, when to retry an unreachable store.
        Assert.Equal(["Location", "ETag"], Headers("/api/cart", "post", "201"));
        Assert.Equal(["ETag"], Headers("/api/cart/{sessionId}", "get", "200"));
        Assert.Equal(["ETag"], Headers("/api/cart/{sessionId}/items", "post", "200"));
        Assert.Equal(["ETag"], Headers("/api/cart/{sessionId}/items", "delete", "200"));
        Assert.Equal(["ETag"], Headers("/api/cart/{sessionId}/items/{itemId}", "patch", "200"));
        Assert.Equal(["ETag"], Headers("/api/cart/{sessionId}/items/{itemId}", "delete", "200"));
        Assert.Equal(["Location"], Headers("/api/cart/{sessionId}/checkout", "post", "201"));
        Assert.Equal(["Location"], Headers("/api/cart/{sessionId}/checkout", "post", "200"));

        var operations = paths.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key))).ToList();
        Assert.All(operations.Where(op => !op.Path.StartsWith("/api/products", StringComparison.Ordinal)), op => Assert.Equal(["Retry-After"], Headers(op.Path, op.Method, "503")));

        // The sample's: every /api route is rate limited, and the payment route wants the secret.
        Assert.All(operations, op => Assert.Equal(["Retry-After"], Headers(op.Path, op.Method, "429")));
        var payment = paths["/api/orders/{orderId}/payment"]!["post"]!;
        Assert.NotNull(payment["responses"]!["401"]);
        var secret = Assert.Single(payment["parameters"]!.AsArray(), p => p!["in"]!.GetValue<string>() == "header");
        Assert.Equal("X-Payment-Secret", secret!["name"]!.GetValue<string>());
        Assert.True(secret["required"]!.GetValue<bool>());
        var admin = paths["/api/products/{sku}"]!["put"]!;
        Assert.NotNull(admin["responses"]!["401"]);
        Assert.Equal("X-Admin-Key", Assert.Single(admin["parameters"]!.AsArray(), p => p!["in"]!.GetValue<string>() == "header")!["name"]!.GetValue<string>());
        Assert.All(
            operations.Where(op => op.Path is not ("/api/orders/{orderId}/payment" or "/api/products/{sku}")),
            op => Assert.Null(paths[op.Path]![op.Method]!["responses"]!["401"]));
    }

    [Fact]
    public async Task TheOpenApiDocumentInDocs_IsTheGeneratedOne()
    {
        var published = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "openapi.json")))!;

        // Regenerate with: GET /openapi/v1.json from the sample, indented, saved as docs/openapi.json.
        Assert.True(JsonNode.DeepEquals(await DocumentAsync(), published), "docs/openapi.json is not the document the API generates.");
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
