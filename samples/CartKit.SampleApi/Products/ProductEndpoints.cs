using CartKit.Inventory;
using CartKit.SampleApi.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CartKit.SampleApi.Products;

internal static class ProductEndpoints
{
    private const int MaxUnitPrice = 100_000_000;
    private const long MaxStock = 1_000_000_000;

    public static RouteHandlerBuilder MapProducts(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/products", ListAsync)
            .WithName("ListProducts")
            .WithSummary("List the demo catalog")
            .WithDescription("The products the sample sells, with prices in minor units and the units in stock, as they are now.")
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
            .WithSummary("Change a product's price, availability or stock")
            .WithDescription("For staff (X-Admin-Key). Carts keep the prices they were priced at; the next checkout of a cart holding the product answers 409 price-changed and re-prices it. A new stock applies to the next checkouts; units pending orders hold stay held.")
            .WithTags("Products")
            .Produces<ProductResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(SecretHeader.Describe(AdminKeyFilter.Header, "The shop staff's shared secret (Sample:AdminApiKey). Missing or wrong: 401."));
    }

    private static async Task<Ok<ProductResponse[]>> ListAsync(SampleProducts products, IInventory inventory, CancellationToken cancellationToken)
    {
        var all = products.All;
        var stock = await inventory.GetAvailableAsync([.. all.Select(p => p.Sku)], cancellationToken);
        return TypedResults.Ok(all.Select(p => ProductResponse.From(p, stock)).ToArray());
    }

    private static async Task<IResult> Update(string sku, UpdateProductRequest request, SampleProducts products, IInventory inventory, CancellationToken cancellationToken)
    {
        if (request.Stock is < 0 or > MaxStock)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["stock"] = [$"'stock' must be 0 to {MaxStock} units."] },
                title: "Invalid request",
                type: "urn:cartkit:problem:validation");
        }

        if (request.UnitPrice is not (>= 0 and <= MaxUnitPrice) || request.Available is not { } available)
        {
            var field = request.Available is null ? "available" : "unitPrice";
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [$"'unitPrice' (0 to {MaxUnitPrice} minor units) and 'available' are required."] },
                title: "Invalid request",
                type: "urn:cartkit:problem:validation");
        }

        if (products.Update(sku, request.UnitPrice.Value, available) is not { } updated)
        {
            return TypedResults.Problem(
                detail: $"The demo catalog has no product '{sku}'.",
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown product",
                type: "urn:cartkit:problem:product-not-found");
        }

        if (request.Stock is { } units)
        {
            await inventory.SetAvailableAsync(sku, units, cancellationToken);
        }

        var stock = await inventory.GetAvailableAsync([sku], cancellationToken);
        return TypedResults.Ok(ProductResponse.From(updated, stock));
    }
}
