using System.Net;
using CartKit.AspNetCore.Http;
using CartKit.AspNetCore.Tests.TestSupport;
using CartKit.Catalog;
using CartKit.Domain;
using CartKit.Storage;
using CartKit.Storage.InMemory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartKit.AspNetCore.Tests.Http;

public sealed class ProblemMappingTests(ProblemMappingTests.Host host) : IClassFixture<ProblemMappingTests.Host>
{
    private readonly HttpClient _client = host.CreateClient();

    public static TheoryData<CartKitErrorCode, int, string> Mappings => new()
    {
        { CartKitErrorCode.Unspecified, 422, CartKitProblemTypes.Refused },
        { CartKitErrorCode.Validation, 400, CartKitProblemTypes.Validation },
        { CartKitErrorCode.SessionNotFound, 404, CartKitProblemTypes.SessionNotFound },
        { CartKitErrorCode.ItemNotFound, 404, CartKitProblemTypes.ItemNotFound },
        { CartKitErrorCode.OrderNotFound, 404, CartKitProblemTypes.OrderNotFound },
        { CartKitErrorCode.ProductNotFound, 422, CartKitProblemTypes.ProductNotFound },
        { CartKitErrorCode.ProductUnavailable, 422, CartKitProblemTypes.ProductUnavailable },
        { CartKitErrorCode.CurrencyMismatch, 422, CartKitProblemTypes.CurrencyMismatch },
        { CartKitErrorCode.QuantityLimitExceeded, 422, CartKitProblemTypes.QuantityLimitExceeded },
        { CartKitErrorCode.LineLimitExceeded, 422, CartKitProblemTypes.LineLimitExceeded },
        { CartKitErrorCode.VersionMismatch, 412, CartKitProblemTypes.VersionMismatch },
        { CartKitErrorCode.ConcurrencyConflict, 409, CartKitProblemTypes.ConcurrencyConflict },
        { CartKitErrorCode.CartCompleted, 409, CartKitProblemTypes.CartCompleted },
        { CartKitErrorCode.CartEmpty, 422, CartKitProblemTypes.CartEmpty },
        { CartKitErrorCode.OrderSuperseded, 409, CartKitProblemTypes.OrderSuperseded },
        { CartKitErrorCode.OrderAlreadyPaid, 409, CartKitProblemTypes.OrderAlreadyPaid },
        { CartKitErrorCode.IdempotencyKeyReused, 422, CartKitProblemTypes.IdempotencyKeyReused },
        { CartKitErrorCode.IdempotencyKeyInProgress, 409, CartKitProblemTypes.IdempotencyKeyInProgress },
        { CartKitErrorCode.PriceChanged, 409, CartKitProblemTypes.PriceChanged },
        { CartKitErrorCode.OrderExpired, 409, CartKitProblemTypes.OrderExpired },
        { CartKitErrorCode.OrderCancelled, 409, CartKitProblemTypes.OrderCancelled },
        { CartKitErrorCode.OrderNotCancellable, 409, CartKitProblemTypes.OrderNotCancellable },
        { CartKitErrorCode.PaymentMismatch, 422, CartKitProblemTypes.PaymentMismatch },
        { CartKitErrorCode.PaymentConflict, 409, CartKitProblemTypes.PaymentConflict },
        { CartKitErrorCode.DiscountCodeRefused, 422, CartKitProblemTypes.DiscountCodeRefused },
        { CartKitErrorCode.ShippingMethodRefused, 422, CartKitProblemTypes.ShippingMethodRefused },
        { CartKitErrorCode.InsufficientStock, 409, CartKitProblemTypes.InsufficientStock },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void EveryErrorCode_MapsToItsStatusAndProblemType(CartKitErrorCode code, int status, string type)
    {
        var result = CartKitProblems.From(new CartKitError(code, "message", "field"));

        Assert.Equal(status, ((IStatusCodeHttpResult)result).StatusCode);
        var problem = result is ValidationProblem validation ? validation.ProblemDetails : ((ProblemHttpResult)result).ProblemDetails;
        Assert.Equal(type, problem.Type);
    }

    [Theory]
    [InlineData(CartKitErrorCode.DiscountCodeRefused, "discountCodes")]
    [InlineData(CartKitErrorCode.ShippingMethodRefused, "shippingMethod")]
    public void ARefusedCodeOrMethod_NamesItsFieldInErrors_LikeAValidationProblem(CartKitErrorCode code, string field)
    {
        var result = CartKitProblems.From(new CartKitError(code, "The discount code 'X' is unknown.", field));

        var problem = Assert.IsType<HttpValidationProblemDetails>(((ProblemHttpResult)result).ProblemDetails);
        Assert.Equal(422, problem.Status);
        Assert.Equal("The discount code 'X' is unknown.", problem.Detail);
        Assert.Equal(["The discount code 'X' is unknown."], problem.Errors[field]);
    }

    [Fact]
    public void TheMappingTable_CoversEveryErrorCode()
    {
        Assert.Equal(Enum.GetValues<CartKitErrorCode>().Order(), Mappings.Select(row => (CartKitErrorCode)row[0]).Order());
    }

    [Fact]
    public void AnErrorCodeWithoutAMapping_IsStillARefusal_NeverAServerError()
    {
        var result = CartKitProblems.From(new CartKitError((CartKitErrorCode)999, "a newer core's reason"));

        Assert.Equal(422, ((IStatusCodeHttpResult)result).StatusCode);
        var problem = ((ProblemHttpResult)result).ProblemDetails;
        Assert.Equal(CartKitProblemTypes.Refused, problem.Type);
        Assert.Equal("a newer core's reason", problem.Detail);
    }

    [Fact]
    public async Task AProductInAnotherCurrency_Is422CurrencyMismatch()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();

        await ProblemAssert.IsAsync(await _client.AddItemAsync(sessionId, "MATCHA-JP"), HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.CurrencyMismatch);
    }

    [Fact]
    public async Task BeyondTheLineLimit_Is422LineLimitExceeded()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        (await _client.AddItemAsync(sessionId, "CAP-NAVY")).Dispose();

        await ProblemAssert.IsAsync(await _client.AddItemAsync(sessionId, "STICKER-PACK"), HttpStatusCode.UnprocessableEntity, CartKitProblemTypes.LineLimitExceeded);
    }

    [Fact]
    public async Task AnIdempotencyKeyWhoseFirstRequestIsRunning_Is409()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();
        var key = Guid.NewGuid().ToString();
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        host.Catalog.Gate = async () =>
        {
            entered.TrySetResult();
            await release.Task;
        };

        try
        {
            var first = _client.CheckoutAsync(sessionId, key);
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
            host.Catalog.Gate = null;

            await ProblemAssert.IsAsync(await _client.CheckoutAsync(sessionId, key), HttpStatusCode.Conflict, CartKitProblemTypes.IdempotencyKeyInProgress);
            release.SetResult();
            Assert.Equal(HttpStatusCode.Created, (await first).StatusCode);
        }
        finally
        {
            host.Catalog.Gate = null;
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task AnUnreachableStore_Is503WithRetryAfter_AndNothingChanges()
    {
        var (sessionId, _) = await _client.CreateCartAsync();
        (await _client.AddItemAsync(sessionId, "MUG-CARTKIT")).Dispose();

        host.Carts.Failing = true;
        try
        {
            using var read = await _client.GetAsync($"/api/cart/{sessionId}");
            using var write = await _client.AddItemAsync(sessionId, "CAP-NAVY");

            await ProblemAssert.IsAsync(read, HttpStatusCode.ServiceUnavailable, CartKitProblemTypes.StoreUnavailable);
            await ProblemAssert.IsAsync(write, HttpStatusCode.ServiceUnavailable, CartKitProblemTypes.StoreUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(7), write.Headers.RetryAfter?.Delta);
        }
        finally
        {
            host.Carts.Failing = false;
        }

        Assert.Equal(1, (await _client.GetCartAsync(sessionId)).GetProperty("items").GetArrayLength());
    }

    /// <summary>The sample with a catalog that includes a yen product and can be paused, at most two lines per cart, and a cart store that can be made unreachable.</summary>
    public sealed class Host : SampleApiFactory
    {
        public GatedCatalog Catalog { get; } = new();

        public FailingCartRepository Carts { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["CartKit:MaxLinesPerCart"] = "2" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IProductCatalog>();
                services.AddSingleton<IProductCatalog>(Catalog);
                services.RemoveAllKeyed<ICartRepository>(CartKitServiceKeys.SourceOfTruth);
                services.AddKeyedSingleton<ICartRepository>(CartKitServiceKeys.SourceOfTruth, Carts);
            });
        }
    }

    public sealed class GatedCatalog : IProductCatalog
    {
        private static readonly Dictionary<string, CatalogProduct> Products = new(StringComparer.Ordinal)
        {
            ["MUG-CARTKIT"] = new("MUG-CARTKIT", "CartKit mug", new Money(1250, Currency.USD)),
            ["CAP-NAVY"] = new("CAP-NAVY", "Cap", new Money(2400, Currency.USD)),
            ["STICKER-PACK"] = new("STICKER-PACK", "Stickers", new Money(325, Currency.USD)),
            ["MATCHA-JP"] = new("MATCHA-JP", "Matcha", new Money(1500, Currency.JPY)),
        };

        public Func<Task>? Gate { get; set; }

        public async ValueTask<CatalogProduct?> FindAsync(string sku, CancellationToken cancellationToken = default)
        {
            if (Gate is { } gate)
            {
                await gate();
            }

            return Products.GetValueOrDefault(sku);
        }
    }

    public sealed class FailingCartRepository : ICartRepository
    {
        private readonly InMemoryCartRepository _inner = new();

        public bool Failing { get; set; }

        public ValueTask<Cart?> GetAsync(string cartId, CancellationToken cancellationToken = default) => Guard(() => _inner.GetAsync(cartId, cancellationToken));

        public ValueTask<Cart?> FindActiveBySessionAsync(string sessionId, CancellationToken cancellationToken = default) => Guard(() => _inner.FindActiveBySessionAsync(sessionId, cancellationToken));

        public ValueTask<Cart?> FindActiveByUserAsync(string userId, CancellationToken cancellationToken = default) => Guard(() => _inner.FindActiveByUserAsync(userId, cancellationToken));

        public ValueTask<CartWriteResult> InsertAsync(Cart cart, CancellationToken cancellationToken = default) => Guard(() => _inner.InsertAsync(cart, cancellationToken));

        public ValueTask<CartWriteResult> ReplaceAsync(Cart cart, long expectedVersion, CancellationToken cancellationToken = default) => Guard(() => _inner.ReplaceAsync(cart, expectedVersion, cancellationToken));

        public ValueTask<CartPage> FindInactiveAsync(DateTimeOffset lastActivityAtOrBefore, int pageSize, string? continuationToken = null, CancellationToken cancellationToken = default) =>
            Guard(() => _inner.FindInactiveAsync(lastActivityAtOrBefore, pageSize, continuationToken, cancellationToken));

        private ValueTask<T> Guard<T>(Func<ValueTask<T>> call) =>
            Failing ? throw new StoreUnavailableException("test outage") { RetryAfter = TimeSpan.FromSeconds(7) } : call();
    }
}
