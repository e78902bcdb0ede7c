namespace CartKit.SampleApi.Products;

internal static class ProductEndpoints
{
    private static readonly ProductResponse[] Products = [.. DemoCatalog.Products
        .Select(p => new ProductResponse(p.Sku, p.Name, p.UnitPrice.Amount, p.UnitPrice.Currency.Code, p.IsAvailable))];

    public static RouteHandlerBuilder MapProducts(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/products", () => TypedResults.Ok(Products))
            .WithName("ListProducts")
            .WithSummary("List the demo catalog")
            .WithDescription("The products the sample sells, with prices in minor units.")
            .WithTags("Products");
}
