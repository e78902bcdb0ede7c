using System.Text.Json.Serialization;
using CartKit.SampleApi;
using CartKit.SampleApi.Hosting;
using CartKit.SampleApi.LoadTesting;
using CartKit.SampleApi.Payments;
using CartKit.SampleApi.Pricing;
using CartKit.SampleApi.Products;
using CartKit.SampleApi.Seeding;
using CartKit.SampleApi.Webhooks;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

if (args is [HealthCheckCommand.Name, ..])
{
    return await HealthCheckCommand.RunAsync();
}

var builder = WebApplication.CreateBuilder(SeedCommand.HostArguments(args));

builder.Services.AddProblemJson();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddCartKit(tags: ["ready"]);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default);

    // CartKit reads numbers strictly (no "5" for 5); the OpenAPI document is generated from these options, so they
    // must say the same or every integer would be documented as "integer or string".
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
});
builder.Services.AddOptions<SampleOptions>().BindConfiguration(SampleOptions.Section);

// Sign-in is the host's, and CartKit reads whoever it signed in (the name identifier claim, or "sub"). The sample takes
// JWT bearer tokens configured under Authentication:Schemes:Bearer: in Development that is what `dotnet user-jwts
// create` writes (issuer and audience in appsettings.Development.json, the signing key in user secrets); a deployment
// configures its identity provider there, or replaces this line. A request without a valid token is a guest's.
builder.Services.AddAuthentication().AddJwtBearer();
builder.AddAbuseLimits();
builder.AddSampleTelemetry();
builder.AddLoadTestReference();

builder.Services.AddSingleton<SampleProducts>();
builder.Services.AddCartKit(options => builder.Configuration.GetSection("CartKit").Bind(options))
    .AddProductCatalog<SampleCatalog>()
    .AddSamplePricing()
    .UseInMemoryInventory(SampleStock.FromConfiguration(builder.Configuration))
    .UseConfiguredStores(builder.Configuration)
    .AddSampleWebhooks(builder.Configuration);
builder.Services.AddSingleton<DemoSeeder>().AddSingleton<StoreReset>();

var app = builder.Build();

// Errors the framework raises itself (unknown route, wrong method, a crash) are problem+json too, whatever the client
// accepts (AddProblemJson).
// A refusal sent before its body was read says Connection: close when the server will close (see UnreadBodies).
app.UseUnreadBodies();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAbuseLimits();
app.UseAuthentication();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

var api = app.MapGroup("/api").RequireRateLimiting(AbuseLimits.ApiPolicy).WithRateLimitResponses();
api.MapCartKit();
api.MapCartKitPayments().RequirePaymentSecret();
api.MapProducts();
api.MapProductAdmin(app.Configuration["Sample:AdminApiKey"]);
api.MapLoadTestReference();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

if (SeedCommand.IsRequested(args))
{
    if (!await SeedCommand.ConfirmAsync(app, args))
    {
        return SeedCommand.RefusedExitCode;
    }

    await app.StartAsync();
    if (await SeedCommand.RunAsync(app))
    {
        await app.StopAsync();
        return 0;
    }

    await app.WaitForShutdownAsync();
    return 0;
}

await app.RunAsync();
return 0;

/// <summary>The sample host; public so endpoint tests can host it with WebApplicationFactory.</summary>
public partial class Program;
