namespace CartKit.SampleApi.Hosting;

/// <summary>
/// <c>dotnet CartKit.SampleApi.dll healthcheck</c>: asks the running server's <c>/health/live</c> and exits 0 or 1.
/// The runtime image is chiseled (no shell, no curl), so the container's HEALTHCHECK runs this instead.
/// </summary>
internal static class HealthCheckCommand
{
    public const string Name = "healthcheck";

    public static async Task<int> RunAsync()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0];
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {ex.Message}");
            return 1;
        }
    }
}
