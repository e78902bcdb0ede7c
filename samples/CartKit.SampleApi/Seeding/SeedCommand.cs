namespace CartKit.SampleApi.Seeding;

/// <summary>
/// <c>dotnet run --project samples/CartKit.SampleApi -- seed</c>: empties the configured stores, seeds them and prints a
/// session id. With MongoDB configured the data outlives the process, so the command exits; on the in-memory default
/// the data lives in this process only, so it goes on to serve the API.
/// </summary>
/// <remarks>
/// Seeding starts by deleting every cart, order and idempotency key in the configured MongoDB database and every key
/// under CartKit's prefixes in the configured Redis. So it says what it will delete before it does, and outside the
/// Development environment it refuses (exit code 2) unless <see cref="ForceFlag"/> is given: a seed meant for a demo
/// stack must not empty a production store because the wrong connection string was in the environment.
/// </remarks>
internal static class SeedCommand
{
    public const string Name = "seed";

    public const string ForceFlag = "--yes-delete-everything";

    public const int RefusedExitCode = 2;

    public static bool IsRequested(string[] args) => args.Contains(Name, StringComparer.Ordinal);

    // The flag is the command's, not the host's: the command-line configuration would read it as a key taking the next
    // argument as its value.
    public static string[] HostArguments(string[] args) => [.. args.Where(a => !string.Equals(a, ForceFlag, StringComparison.Ordinal))];

    // Says what the seed will delete; false (with the reason on stderr) when it must not run here.
    public static async Task<bool> ConfirmAsync(WebApplication app, string[] args)
    {
        var targets = app.Services.GetRequiredService<StoreReset>().Describe();
        var list = string.Concat(targets.Select(t => Environment.NewLine + "  - " + t));
        if (!app.Environment.IsDevelopment() && !args.Contains(ForceFlag, StringComparer.Ordinal))
        {
            await Console.Error.WriteLineAsync(
                $"Refusing to seed in the {app.Environment.EnvironmentName} environment: seeding first deletes{list}"
                + $"{Environment.NewLine}Run it with {ForceFlag} to delete that anyway, or in the Development environment.");
            return false;
        }

        await Console.Out.WriteLineAsync($"Seeding: deleting first{list}");
        return true;
    }

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
