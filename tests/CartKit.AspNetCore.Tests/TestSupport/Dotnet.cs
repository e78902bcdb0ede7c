using System.Diagnostics;

namespace CartKit.AspNetCore.Tests.TestSupport;

/// <summary>Runs the dotnet CLI; a failure fails the test with everything the command printed.</summary>
public static class Dotnet
{
    public static async Task RunAsync(string directory, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"dotnet {arguments} (in {directory}) failed:\n{await output}\n{await error}");
    }
}
