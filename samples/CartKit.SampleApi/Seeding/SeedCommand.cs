namespace CartKit.SampleApi.Seeding;

/// <summary>
/// <c>dotnet run --project samples/CartKit.SampleApi -- seed</c>: seeds the configured stores and prints a session id.
/// With MongoDB configured the data outlives the process, so the command exits; on the in-memory default the data
/// lives in this process only, so it goes on to serve the API.
/// </summary>
internal static class SeedCommand
{
    public const string Name = "seed";

    public static bool IsRequested(string[] args) => args.Contains(Name, StringComparer.Ordinal);

    public static async Task<bool> RunAsync(WebApplication app)
    {
        var seeded = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        var persistent = !string.IsNullOrEmpty(app.Configuration.GetConnectionString("Mongo"));
        await Console.Out.WriteLineAsync($"Seeded demo data.{Environment.NewLine}Session: {seeded.SessionId}{Environment.NewLine}Paid order: {seeded.PaidOrderId}");
        await Console.Out.WriteLineAsync(persistent
            ? "Try it: GET /api/cart/" + seeded.SessionId
            : "In-memory stores: serving now so the data stays available. Try it: GET /api/cart/" + seeded.SessionId);
        return persistent;
    }
}
