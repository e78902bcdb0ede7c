using CartKit.SampleApi.Hosting;

namespace CartKit.SampleApi.Products;

internal static class ProductEndpoints
{
    private const int MaxUnitPrice = 100_000_000;

    public static RouteHandlerBuilder MapProducts(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/products", (SampleProducts products) => TypedResults.Ok(products.All.Select(ProductResponse.From).ToArray()))
            .WithName("ListProducts")
            .WithSummary("List the demo catalog")
            .WithDescription("The products the sample sells, with prices in minor units, as they are now.")
            .WithTags("Products");

    // Mapped only when Sample:AdminApiKey is set: with no key there is no admin route at all.
    public static void MapProductAdmin(this IEndpointRouteBuilder endpoints, string? adminApiKey)
    {
        if (string.IsNullOrEmpty(adminApiKey))
        {
            return;
        }

        endpoints.MapPut("/products/{sku}", Update)
            .AddEndpointFilter<AdminKeyFilter>()
            .WithName("UpdateProduct")
            .WithSummary("Change a product's price or availability")
            .WithDescription("For staff (X-Admin-Key). Carts keep the prices they were priced at; the next checkout of a cart holding the product answers 409 price-changed and re-prices it.")
            .WithTags("Products")
            .Produces<ProductResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(SecretHeader.Describe(AdminKeyFilter.Header, "The shop staff's shared secret (Sample:AdminApiKey). Missing or wrong: 401."));
    }

    private static IResult Update(string sku, UpdateProductRequest request, SampleProducts products)
    {
        if (request.UnitPrice is not (>= 0 and <= MaxUnitPrice) || request.Available is not { } available)
        {
            var field = request.Available is null ? "available" : "unitPrice";
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [$"'unitPrice' (0 to {MaxUnitPrice} minor units) and 'available' are required."] },
                title: "Invalid request",
                type: "urn:cartkit:problem:validation");
        }

        return products.Update(sku, request.UnitPrice.Value, available) is { } updated
            ? TypedResults.Ok(ProductResponse.From(updated))
            : TypedResults.Problem(
                detail: $"The demo catalog has no product '{sku}'.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown product",
                type: "urn:cartkit:problem:product-not-found");
    }
}
