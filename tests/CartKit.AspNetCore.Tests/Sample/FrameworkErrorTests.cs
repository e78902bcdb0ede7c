using System.Net;
using System.Net.Http.Headers;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.Catalog;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartKit.AspNetCore.Tests.Sample;

/// <summary>
/// Errors the framework raises itself (no route, a method the route does not take, an unhandled exception) are
/// problem+json whatever the client accepts: a browser's <c>text/html</c>, <c>*/*</c>, or nothing at all.
/// </summary>
public sealed class FrameworkErrorTests(FrameworkErrorTests.Host host) : IClassFixture<FrameworkErrorTests.Host>
{
    public static TheoryData<string?> Accepts => new()
    {
        null,
        "*/*",
        "application/json",
        "application/problem+json",
        "text/html",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "text/plain",
        "application/xml",
        "image/png",
    };

    private readonly HttpClient _client = host.CreateClient();

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task AnUnknownRoute_Is404ProblemJson(string? accept)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/no-such-route", accept);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Not Found");
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task AMethodTheRouteDoesNotTake_Is405ProblemJson(string? accept)
    {
        using var response = await SendAsync(HttpMethod.Put, "/api/cart", accept);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "Method Not Allowed");
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task AnUnhandledException_Is500ProblemJson_WithoutItsMessage(string? accept)
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cart/{sessionId}/items")
        {
            Content = new StringContent("""{"sku":"EXPLODE"}""", MediaTypeHeaderValue.Parse("application/json")),
        };
        AddAccept(request, accept);

        using var response = await _client.SendAsync(request);

        var body = await AssertProblemAsync(response, HttpStatusCode.InternalServerError, "An error occurred while processing your request.");
        Assert.DoesNotContain(ExplodingCatalog.Secret, body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepts))]
    public async Task CartKitsOwnProblems_HaveTheSameShape_WhateverTheClientAccepts(string? accept)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/cart/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", accept);

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.NotFound, CartKitProblemTypes.SessionNotFound);
        Assert.Equal(["type", "title", "status", "detail", "traceId"], problem.EnumerateObject().Select(p => p.Name));
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.StartsWith("https://", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        return body;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accept)
    {
        var request = new HttpRequestMessage(method, path);
        AddAccept(request, accept);
        return _client.SendAsync(request);
    }

    private static void AddAccept(HttpRequestMessage request, string? accept)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
    }

    public sealed class Host : SampleApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var catalog = services.Single(d => d.ServiceType == typeof(IProductCatalog));
                services.RemoveAll<IProductCatalog>();
                services.AddSingleton<IProductCatalog>(provider => new ExplodingCatalog((IProductCatalog)(catalog.ImplementationInstance
                    ?? catalog.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, catalog.ImplementationType!))));
            });
        }
    }

    // A catalog with a bug: one sku throws, as host code can. The message must not reach the client.
    private sealed class ExplodingCatalog(IProductCatalog inner) : IProductCatalog
    {
        public const string Secret = "catalog bug: connection string Password=hunter2";

        public ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default) =>
            sku == "EXPLODE" ? throw new InvalidOperationException(Secret) : inner.FindAsync(sku, cancellationToken);
    }
}
