using CartKit.SampleApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCartKit().UseInMemoryCatalog(DemoCatalog.Products);

var app = builder.Build();
app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
app.MapGet("/api/products", () => DemoCatalog.Products.Select(p => new { p.Sku, p.Name, unitPrice = p.UnitPrice.Amount, currency = p.UnitPrice.Currency.Code }));
app.Run();

/// <summary>The sample host; public so endpoint tests can host it with WebApplicationFactory.</summary>
public partial class Program;
