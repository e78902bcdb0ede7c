using System.Diagnostics;

namespace CartKit.AspNetCore.Tests.TestSupport;

public static class ProcessRunner
{
    /// <summary>Runs a tool to completion; a missing tool fails the test with how to install it.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string file,
        string arguments,
        string installHint,
        string? stdin = null,
        string? workingDirectory = null,
        IEnumerable<(string Name, string? Value)>? environment = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"'{file}' is needed for this test and was not found ({ex.Message}). {installHint}", ex);
        }

        using (process)
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return (process.ExitCode, await output, await error);
        }
    }
}
