using System.Net;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.Carts;
using CartKit.Domain;
using CartKit.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CartKit.AspNetCore.Tests.Http;

/// <summary>
/// An engine that answers with a result nobody set, or with an error code the HTTP layer has no mapping for (a host's
/// decorator, a newer core), gets a problem response from the real sample host: 422, never a 500.
/// </summary>
public sealed class UnsetResultHttpTests(UnsetResultHttpTests.Host host) : IClassFixture<UnsetResultHttpTests.Host>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task AResultThatWasNeverSet_Is422Refused()
    {
        var (sessionId, _) = await _client.CreateCartAsync();

        await ProblemAssert.IsAsync(await _client.GetAsync($"/api/cart/{sessionId}"), HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.Refused);
    }

    [Fact]
    public async Task AnErrorCodeWithoutAMapping_Is422Refused_WithItsMessage()
    {
        var (sessionId, _) = await _client.CreateCartAsync();

        using var response = await _client.AddItemAsync(sessionId, "MUG-CARTKIT");

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.Refused);
        Assert.Equal(OddEngine.Message, problem.GetProperty("detail").GetString());
    }

    /// <summary>The sample with its cart engine wrapped in <see cref="OddEngine"/>.</summary>
    public sealed class Host : SampleApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var real = services.Single(d => d.ServiceType == typeof(ICartEngine));
                services.Remove(real);
                services.AddSingleton<ICartEngine>(sp => new OddEngine((ICartEngine)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
            });
        }
    }

    /// <summary>Reads answer an unset result; adds answer an error code no mapping knows.</summary>
    public sealed class OddEngine(ICartEngine inner) : ICartEngine
    {
        public const string Message = "A reason from a newer core.";

        public ValueTask<CartKitResult<CartSessionCreated>> CreateSessionAsync(string? userId = null, CancellationToken cancellationToken = default) =>
            inner.CreateSessionAsync(userId, cancellationToken);

        public ValueTask<CartKitResult<Cart>> GetCartAsync(CartCaller caller, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(default(CartKitResult<Cart>));

        public ValueTask<CartKitResult<Cart>> AddItemAsync(CartCaller caller, string sku, int quantity, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<CartKitResult<Cart>>(new CartKitError((CartKitErrorCode)999, Message));

        public ValueTask<CartKitResult<Cart>> SetQuantityAsync(CartCaller caller, string itemId, int quantity, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
            inner.SetQuantityAsync(caller, itemId, quantity, expected, cancellationToken);

        public ValueTask<CartKitResult<Cart>> RemoveItemAsync(CartCaller caller, string itemId, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
            inner.RemoveItemAsync(caller, itemId, expected, cancellationToken);

        public ValueTask<CartKitResult<Cart>> ClearAsync(CartCaller caller, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
            inner.ClearAsync(caller, expected, cancellationToken);

        public ValueTask<CartKitResult<Cart>> SetCheckoutDetailsAsync(
            CartCaller caller, CheckoutDetails details, CheckoutDetailsFields fields, ExpectedCart? expected = null, CancellationToken cancellationToken = default) =>
            inner.SetCheckoutDetailsAsync(caller, details, fields, expected, cancellationToken);

        public ValueTask<CartKitResult<Cart>> AttachUserAsync(string sessionId, string userId, CancellationToken cancellationToken = default) =>
            inner.AttachUserAsync(sessionId, userId, cancellationToken);

        public ValueTask<CartPage> GetAbandonedCartsAsync(int pageSize = 100, string? continuationToken = null, CancellationToken cancellationToken = default) =>
            inner.GetAbandonedCartsAsync(pageSize, continuationToken, cancellationToken);
    }
}
